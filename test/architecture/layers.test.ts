import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md §3, enforced: the domain and the use cases import no database driver,
 * no chat SDK, no scheduler, no image renderer and nothing under adapters/. Reads the sources, so a new file is
 * covered the moment it exists.
 */
const srcRoot = path.resolve(import.meta.dirname, '../../src');

const FORBIDDEN = [/^mongoose$/, /^mongodb$/, /^better-sqlite3$/, /^@slack\//, /^@larksuiteoapi\//, /^node-cron$/, /^pino/, /^@resvg\//];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

function violations(layer: string, root = srcRoot): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(path.join(root, layer))) {
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
      const intoAdapters = resolved !== null && resolved.startsWith(path.join(root, 'adapters') + path.sep);
      const intoUpperLayer = resolved !== null && layer === 'domain' && !resolved.startsWith(path.join(root, 'domain') + path.sep);
      if (FORBIDDEN.some((re) => re.test(spec)) || intoAdapters || intoUpperLayer) {
        out.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  }
  return out;
}

describe('layer boundaries', () => {
  it('finds imports in every form the checker relies on', () => {
    const src = `import { a } from 'mongoose';\nimport type { B } from "../adapters/x.js";\nexport { c } from './c.js';\nconst m = await import('node-cron');\nimport 'better-sqlite3';`;
    expect(importsOf(src)).toEqual(['mongoose', '../adapters/x.js', './c.js', 'node-cron', 'better-sqlite3']);
  });

  it('domain/ imports only the domain and pure libraries', () => {
    expect(violations('domain')).toEqual([]);
  });

  it('application/ imports no driver, SDK, scheduler or adapter', () => {
    expect(violations('application')).toEqual([]);
  });

  it('chat/ (the conversation shared by every platform) imports no SDK, driver or adapter', () => {
    expect(violations('chat')).toEqual([]);
  });

  it('ports/ stay interfaces: no driver, SDK or adapter', () => {
    expect(violations('ports')).toEqual([]);
  });

  it('the checker does flag a violation', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-probe-'));
    try {
      fs.mkdirSync(path.join(dir, 'domain', 'model'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'domain', 'model', 'bad.ts'),
        `import mongoose from 'mongoose';\nimport { x } from '../../adapters/embedded/schema.js';\nimport { y } from '../../application/deps.js';\nimport { z } from '../dates.js';\n`,
      );
      expect(violations('domain', dir)).toEqual([
        'domain/model/bad.ts imports mongoose',
        'domain/model/bad.ts imports ../../adapters/embedded/schema.js',
        'domain/model/bad.ts imports ../../application/deps.js',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
