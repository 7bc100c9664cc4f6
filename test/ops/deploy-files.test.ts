import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the deployment files are checked as text: the Dockerfile's
 * instructions and stages, the compose file and the CI workflow parsed as YAML, and the paths
 * they rely on.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string): string => fs.readFileSync(path.join(root, f), 'utf8');

/** Dockerfile instructions, continuation lines joined, comments and the parser directive dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([A-Za-z]+)\s+(.*)$/.exec(l);
      if (!m) throw new Error(`not a Dockerfile instruction: ${l}`);
      return { op: m[1]!.toUpperCase(), args: m[2]! };
    });
}

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

describe('Dockerfile', () => {
  const ins = instructions(read('Dockerfile'));
  const froms = ins.filter((i) => i.op === 'FROM');
  const finalStage = ins.slice(ins.lastIndexOf(froms.at(-1)!));

  it('uses only known instructions, with JSON-form CMD and HEALTHCHECK', () => {
    expect(ins.filter((i) => !KNOWN.has(i.op))).toEqual([]);
    expect(JSON.parse(finalStage.find((i) => i.op === 'CMD')!.args)).toEqual(['node', 'dist/main.js']);
    const hc = finalStage.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(JSON.parse(hc.slice(hc.indexOf('CMD') + 3))).toEqual(expect.arrayContaining([expect.stringContaining('/healthz')]));
  });

  it('is multi-stage on a slim Node 20 base, runtime as a non-root user with production dependencies', () => {
    expect(froms.map((f) => f.args)).toEqual(['node:20-bookworm-slim AS build', 'node:20-bookworm-slim AS runtime']);
    const build = ins.slice(0, ins.indexOf(froms[1]!)).map((i) => i.args).join('\n');
    expect(build).toContain('npm ci');
    expect(build).toContain('npm run build');
    expect(build).toContain('npm prune --omit=dev');
    expect(finalStage.find((i) => i.op === 'USER')?.args).toBe('node');
    expect(finalStage.filter((i) => i.op === 'COPY').every((c) => c.args.includes('--from=build'))).toBe(true);
  });

  it('copies files that exist, builds to dist/main.js, and the build context leaves out node_modules', () => {
    for (const c of ins.filter((i) => i.op === 'COPY' && !i.args.includes('--from'))) {
      for (const src of c.args.split(/\s+/).slice(0, -1)) expect(fs.existsSync(path.join(root, src)), src).toBe(true);
    }
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    const tsb = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(tsb.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
    expect(fs.existsSync(path.join(root, 'src/main.ts'))).toBe(true);
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.env', 'data', '.git']));
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<string, { image?: string; build?: string; command?: string[]; volumes?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] } }>;
    volumes: Record<string, unknown>;
  };

  it('runs MongoDB as a single-node replica set on a named volume, initiated by its healthcheck', () => {
    const mongo = compose.services.mongo!;
    expect(mongo.image).toMatch(/^mongo:\d/);
    expect(mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(mongo.volumes).toEqual(['mongo-data:/data/db']);
    expect(Object.keys(compose.volumes)).toEqual(['mongo-data']);
    expect(mongo.healthcheck!.test.join(' ')).toMatch(/rs\.initiate\(\{ _id: 'rs0', members: \[\{ _id: 0, host: 'mongo:27017' \}\] \}\)/);
  });

  it('starts the bot once MongoDB is healthy, on a URI naming the replica set', () => {
    const bot = compose.services.bot!;
    expect(bot.build).toBe('.');
    expect(bot.depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
    expect(bot.environment!.MONGODB_URI).toBe('mongodb://mongo:27017/appraisal?replicaSet=rs0');
    expect(bot.healthcheck!.test.join(' ')).toContain('/readyz');
  });
});

describe('CI workflow', () => {
  it('runs npm test on the embedded store and again with a MongoDB service and MONGODB_URI', () => {
    const ci = parse(read('.github/workflows/ci.yml')) as { jobs: Record<string, { services?: Record<string, { image: string }>; env?: Record<string, string>; steps: { run?: string }[] }> };
    const jobs = Object.values(ci.jobs);
    expect(jobs).toHaveLength(2);
    for (const job of jobs) expect(job.steps.map((s) => s.run)).toContain('npm test');
    const withMongo = jobs.find((j) => j.services?.mongo)!;
    expect(withMongo.services!.mongo!.image).toMatch(/^mongo:\d/);
    expect(withMongo.env!.MONGODB_URI).toMatch(/^mongodb:\/\/127\.0\.0\.1:27017\//);
    expect(jobs.find((j) => !j.services)!.env?.MONGODB_URI).toBeUndefined();
  });
});
