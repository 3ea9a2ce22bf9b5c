/**
 * Docker is not installed where this is tested, so the container files are
 * checked for their essentials instead of built: the Dockerfile runs as a
 * non-root user from a lockfile install with a health check, and the compose
 * file (parsed as YAML) starts Muster only once PostgreSQL is healthy.
 */
import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../../src/config.js';

const root = new URL('../../', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), 'utf8');

/** Dockerfile instructions of the final stage, comments and line continuations folded. */
function finalStage(text: string): string[] {
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const from = lines.map((l, i) => (/^FROM\s/i.test(l) ? i : -1)).filter((i) => i >= 0);
  return lines.slice(from.at(-1));
}

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const stage = finalStage(text);
  const instruction = (name: string) => stage.filter((l) => l.toUpperCase().startsWith(`${name} `));

  it('is multi-stage on a slim Node 20 image', () => {
    const froms = text.split('\n').filter((l) => /^FROM\s/i.test(l));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/node:20-(slim|alpine)/);
  });

  it('installs production dependencies from the lockfile with npm ci', () => {
    expect(text).toMatch(/COPY package\.json package-lock\.json/);
    expect(text).toMatch(/RUN npm ci --omit=dev/);
    expect(text).not.toMatch(/npm install/);
  });

  it('runs as a non-root user', () => {
    const users = instruction('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
  });

  it('exposes the default port, keeps data on a volume and checks /healthz', () => {
    expect(instruction('EXPOSE')).toEqual([`EXPOSE ${DEFAULT_PORT}`]);
    expect(instruction('VOLUME').join(' ')).toContain('/data');
    expect(text).toMatch(/MUSTER_DATA_DIR=\/data/);
    expect(instruction('HEALTHCHECK').join(' ')).toContain('/healthz');
  });

  it('starts Muster the way npm start does, with tsx', () => {
    const pkg = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe('tsx src/main.ts');
    // tsx must survive --omit=dev.
    expect(pkg.dependencies.tsx).toBeDefined();
    expect(instruction('CMD').at(-1)).toContain('src/main.ts');
  });

  it('keeps tests, local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'data', '.env', '.git', 'test']) expect(ignored).toContain(entry);
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: string[];
  volumes?: string[];
}

describe('docker-compose.yml', () => {
  const compose = loadYaml(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
  const { muster, postgres } = compose.services;

  it('runs PostgreSQL 15 with a health check', () => {
    expect(postgres?.image).toBe('postgres:15');
    expect(JSON.stringify(postgres?.healthcheck?.test)).toContain('pg_isready');
  });

  it('starts Muster once PostgreSQL is healthy, pointed at it by DATABASE_URL', () => {
    expect(muster?.build).toBe('.');
    expect(muster?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(muster?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
  });

  it('checks Muster is ready on /readyz and keeps its data on a volume', () => {
    expect(JSON.stringify(muster?.healthcheck?.test)).toContain('/readyz');
    expect(muster?.ports).toContain(`${DEFAULT_PORT}:${DEFAULT_PORT}`);
    expect(muster?.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });
});
