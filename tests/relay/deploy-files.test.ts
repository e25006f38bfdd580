/**
 * The relay's deployment files (issue 14), checked without Docker (it does not run on the development
 * machine): compose.yaml parses and wires the relay to PostgreSQL behind the TLS proxy with the relay's
 * port unpublished; the Dockerfile's runtime stage runs as a non-root user with a health check whose exact
 * command passes against a real relay process; every file the build copies or runs exists.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { HEALTH_PATH } from '../../lib/relay-protocol/relay-paths';
import { REPO_ROOT, spawnRelay, type RelayProcess } from './spawn-relay';

const read = (name: string) => readFileSync(join(REPO_ROOT, name), 'utf8');

interface Compose {
  services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; ports?: string[]; expose?: string[]; depends_on?: Record<string, { condition: string }> | string[]; volumes?: string[]; healthcheck?: unknown; user?: string }>;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as Compose;

  it('runs the relay on PostgreSQL behind the TLS proxy, with the relay port unpublished', () => {
    const { db, relay, proxy } = compose.services;
    expect(db?.image).toMatch(/^postgres:/);
    expect(db?.healthcheck).toBeDefined();
    expect(relay?.build).toBe('.');
    expect(relay?.depends_on).toMatchObject({ db: { condition: 'service_healthy' } });
    expect(relay?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/sealpass:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/sealpass$/);
    expect(relay?.environment?.TRUST_PROXY).toBe('1');
    expect(relay?.ports).toBeUndefined();
    expect(relay?.expose).toEqual(['8787']);
    expect(proxy?.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    const caddyfile = proxy?.volumes?.find((volume) => volume.endsWith(':/etc/caddy/Caddyfile:ro'))?.split(':')[0];
    expect(caddyfile && existsSync(join(REPO_ROOT, caddyfile))).toBe(true);
  });

  it('the Caddyfile serves SEALPASS_DOMAIN over TLS to every relay replica on 8787', () => {
    const caddy = read('deploy/Caddyfile');
    expect(caddy).toMatch(/^\{\$SEALPASS_DOMAIN\} \{/m);
    expect(caddy).toMatch(/dynamic a relay 8787/);
    expect(caddy).toMatch(/Strict-Transport-Security/);
    expect(read('deploy/env.example')).toMatch(/^SEALPASS_DOMAIN=/m);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('has a build stage and a slim runtime stage that runs as the node user with a health check', () => {
    expect(stages).toHaveLength(2);
    expect(runtime).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).toContain(HEALTH_PATH);
    expect(runtime).toMatch(/^CMD \["node", "relay\/server\.mjs"\]$/m);
  });

  it('builds from files that exist, into the paths the runtime stage runs', () => {
    for (const file of ['package.json', 'package-lock.json', 'scripts/build-relay-pages.mjs', 'scripts/build-relay.mjs', 'relay/server.ts']) expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
    expect(stages[0]).toContain('node scripts/build-relay.mjs /out/relay/server.mjs');
    expect(stages[0]).toContain('node scripts/build-relay-pages.mjs /out/pages');
    expect(runtime).toContain('PAGES_DIR=/app/pages');
    for (const module of ['better-sqlite3', 'bindings', 'file-uri-to-path']) expect(existsSync(join(REPO_ROOT, 'node_modules', module)), module).toBe(true);
    expect(read('.dockerignore')).toMatch(/^node_modules$/m);
  });

  describe('its health check command', () => {
    let dataDir: string;
    let relay: RelayProcess;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'sealpass-healthcheck-'));
      relay = await spawnRelay({ DATA_DIR: dataDir });
    }, 60_000);
    afterAll(async () => {
      await relay?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('exits 0 against a running relay and 1 against a closed port', async () => {
      const script = JSON.parse(/^\s*CMD (\[.*\])$/m.exec(runtime.slice(runtime.indexOf('HEALTHCHECK')))?.[1] ?? '[]') as string[];
      expect(script.slice(0, 2)).toEqual(['node', '-e']);
      const run = (port: string) => promisify(execFile)(process.execPath, ['-e', script[2]!], { env: { ...process.env, PORT: port } });
      await expect(run(new URL(relay.baseUrl).port)).resolves.toBeDefined();
      await expect(run('9')).rejects.toMatchObject({ code: 1 });
    });
  });
});
