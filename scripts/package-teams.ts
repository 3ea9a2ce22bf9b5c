/**
 * `npm run package:teams`: the Teams app package to upload (or sideload),
 * `dist/teams/muster-teams.zip`, holding manifest.json and the two icons.
 * The committed manifest (manifests/teams/manifest.json) carries a zero GUID
 * and example.org; this fills in the bot's app id (TEAMS_APP_ID, or
 * `--app-id`), the public address (TEAMS_PUBLIC_URL, or `--public-url`) and
 * the version from package.json, then checks the result against Microsoft's
 * published manifest schema (shipped in the @microsoft/app-manifest package,
 * no download) and the icons' sizes before writing anything.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = join(ROOT, 'manifests', 'teams');
export const DEFAULT_OUTPUT = join(ROOT, 'dist', 'teams', 'muster-teams.zip');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER_URL = 'https://muster.example.org';
// CommonJS modules whose `default` export TypeScript sees one level down under NodeNext.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Manifest = Record<string, unknown> & { manifestVersion: string };

export interface ManifestOptions {
  appId: string;
  /** `https://muster.example.org`; unset keeps the placeholder address. */
  publicUrl?: string;
  version?: string;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

/** The committed manifest with this deployment's app id, address and version. */
export function buildManifest(options: ManifestOptions): Manifest {
  if (!GUID.test(options.appId)) {
    throw new Error(`"${options.appId}" is not an app id: TEAMS_APP_ID is the GUID of the bot's Entra ID app`);
  }
  const base = options.publicUrl ? new URL(options.publicUrl) : undefined;
  if (base && base.protocol !== 'https:') throw new Error('TEAMS_PUBLIC_URL must be an https address');
  let text = JSON.stringify(readManifest()).replaceAll(PLACEHOLDER_ID, options.appId.toLowerCase());
  if (base) {
    text = text.replaceAll(PLACEHOLDER_URL, base.origin).replaceAll('"muster.example.org"', `"${base.host}"`);
  }
  const manifest = JSON.parse(text) as Manifest;
  if (options.version) manifest.version = options.version;
  return manifest;
}

/** Microsoft's schema for the manifest's version, as the @microsoft/app-manifest package ships it. */
export function manifestSchema(manifestVersion: string): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every schema violation, as `path: message`; empty when the manifest is valid. */
export function manifestProblems(manifest: Manifest): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(manifestSchema(manifest.manifestVersion));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

/** Width and height from a PNG's header, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

export function iconProblems(): string[] {
  return Object.entries(ICON_SIZES).flatMap(([file, side]) => {
    const size = pngSize(readFileSync(join(MANIFEST_DIR, file)));
    if (!size) return [`${file} is not a PNG`];
    return size.width === side && size.height === side
      ? []
      : [`${file} is ${size.width}×${size.height}; Teams wants ${side}×${side}`];
  });
}

/** Builds, checks and zips the package; returns where it wrote it. */
export function packageTeamsApp(options: ManifestOptions & { output?: string }): string {
  const manifest = buildManifest(options);
  const problems = [...manifestProblems(manifest), ...iconProblems()];
  if (problems.length > 0) throw new Error(`the Teams app package is not valid:\n  ${problems.join('\n  ')}`);
  const output = options.output ?? DEFAULT_OUTPUT;
  mkdirSync(dirname(output), { recursive: true });
  const file = (name: string) => new Uint8Array(readFileSync(join(MANIFEST_DIR, name)));
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': file('color.png'),
    'outline.png': file('outline.png'),
  });
  writeFileSync(output, zip);
  return output;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appId = argument('app-id') ?? process.env.TEAMS_APP_ID;
  if (!appId) {
    console.error('package:teams: set TEAMS_APP_ID (or pass --app-id GUID): the bot’s Entra ID app id');
    process.exit(2);
  }
  try {
    const publicUrl = argument('public-url') ?? process.env.TEAMS_PUBLIC_URL;
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const output = packageTeamsApp({
      appId,
      version,
      ...(publicUrl ? { publicUrl } : {}),
      ...(argument('output') ? { output: resolve(argument('output')!) } : {}),
    });
    console.error(`package:teams: wrote ${output}; upload it in Teams (Apps → Manage your apps → Upload an app)`);
  } catch (error) {
    console.error(`package:teams: ${(error as Error).message}`);
    process.exit(1);
  }
}
