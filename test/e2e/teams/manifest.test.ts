/**
 * The Teams app package: the committed manifest and the one
 * `npm run package:teams` builds are valid against Microsoft's published
 * schema (from the @microsoft/app-manifest package, offline), every command
 * it lists is one Muster understands, it asks for the resource-specific
 * permissions the adapter uses, and the icons are the sizes and colours
 * Teams requires.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  MANIFEST_DIR,
  manifestProblems,
  packageTeamsApp,
  pngSize,
  readManifest,
} from '../../../scripts/package-teams.js';
import { parseIncidentCommand } from '../../../src/app/commands/parse-incident-command.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

interface Bot {
  botId: string;
  commandLists: { commands: { title: string }[] }[];
}

describe('the Teams manifest', () => {
  it('is valid against the published schema as committed, and as packaged with an app id', () => {
    expect(manifestProblems(readManifest())).toEqual([]);
    expect(
      manifestProblems(buildManifest({ appId: APP_ID, publicUrl: 'https://muster.csp.example' })),
    ).toEqual([]);
  });

  it('reports what the schema refuses', () => {
    const manifest = { ...readManifest(), accentColor: 'blue', bots: [{ botId: 'not-a-guid' }] };
    const problems = manifestProblems(manifest);
    expect(problems.some((p) => p.startsWith('/accentColor'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/bots/0'))).toBe(true);
  });

  it('puts the app id, the address and the version where Teams reads them', () => {
    const manifest = buildManifest({
      appId: APP_ID,
      publicUrl: 'https://muster.csp.example',
      version: '2.3.4',
    });
    const [bot] = manifest.bots as Bot[];
    expect(manifest).toMatchObject({
      id: APP_ID,
      version: '2.3.4',
      webApplicationInfo: { id: APP_ID, resource: `api://botid-${APP_ID}` },
      validDomains: ['muster.csp.example'],
    });
    expect(bot!.botId).toBe(APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('example.org');
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => buildManifest({ appId: 'muster' })).toThrow(/TEAMS_APP_ID/);
  });

  it('lists only commands Muster understands, "incident" first', () => {
    const [bot] = readManifest().bots as Bot[];
    const titles = bot!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles[0]).toBe('incident');
    for (const title of titles) {
      const parsed = parseIncidentCommand(title.replace(/^incident\s*/, ''));
      expect(['unknown', 'invalid'], title).not.toContain(parsed.kind);
    }
  });

  it('asks for the resource-specific permissions the adapter uses', () => {
    const names = (
      readManifest().authorization as { permissions: { resourceSpecific: { name: string }[] } }
    ).permissions.resourceSpecific.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Channel.Create.Group', 'ChannelMessage.Send.Group']));
  });

  it('lets people attach files in the bot’s personal chat (plan import reads them)', () => {
    const [bot] = readManifest().bots as (Bot & { supportsFiles?: boolean })[];
    expect(bot!.supportsFiles).toBe(true);
  });
});

describe('npm run package:teams', () => {
  it('writes a zip with the manifest and both icons at its root', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'muster-teams-package-'));
    try {
      const output = packageTeamsApp({ appId: APP_ID, output: join(dir, 'muster.zip') });
      const files = unzipSync(new Uint8Array(await readFile(output)));
      expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      expect(manifest.id).toBe(APP_ID);
      expect(manifestProblems(manifest)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ships a 192×192 colour icon and a 32×32 outline that is white on transparency', async () => {
    const color = await readFile(join(MANIFEST_DIR, 'color.png'));
    const outline = await readFile(join(MANIFEST_DIR, 'outline.png'));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });

    const pixels = rgbaOf(outline);
    const opaque = pixels.filter((p) => p[3]! > 0);
    expect(opaque.length).toBeGreaterThan(50);
    expect(pixels.length - opaque.length).toBeGreaterThan(500);
    expect(opaque.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });
});

/** The RGBA pixels of an 8-bit RGBA PNG written with no row filter (as make-icons.mjs writes them). */
function rgbaOf(png: Buffer): number[][] {
  const { width, height } = pngSize(png)!;
  expect(png[25], 'colour type RGBA').toBe(6);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    expect(rows[row], 'row filter').toBe(0);
    for (let x = 0; x < width; x++) pixels.push([...rows.subarray(row + 1 + x * 4, row + 5 + x * 4)]);
  }
  return pixels;
}
