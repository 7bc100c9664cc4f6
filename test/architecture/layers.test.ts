import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md §3, enforced: the domain and the use cases import no database driver,
 * no chat SDK, no scheduler, no image renderer and nothing under adapters/; the views import only
 * the domain (read models included) and other views; and no source files import each other in a
 * circle. Reads the sources, so a new file is covered the moment it exists.
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

/**
 * The only folders a layer's relative imports may reach, where it is narrower than "anything but
 * adapters/": the domain stands alone; a view is a pure function of a read model (domain/read-models),
 * so it needs neither the use cases, nor the conversation, nor a platform.
 */
const REACHES: Readonly<Record<string, readonly string[]>> = {
  domain: ['domain'],
  views: ['views', 'domain'],
};

function violations(layer: string, root = srcRoot): string[] {
  const out: string[] = [];
  const within = (resolved: string, folder: string): boolean => resolved.startsWith(path.join(root, folder) + path.sep);
  for (const file of sourceFiles(path.join(root, layer))) {
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
      const intoAdapters = resolved !== null && within(resolved, 'adapters');
      const reach = REACHES[layer];
      const intoUpperLayer = resolved !== null && reach !== undefined && !reach.some((folder) => within(resolved, folder));
      if (FORBIDDEN.some((re) => re.test(spec)) || intoAdapters || intoUpperLayer) {
        out.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  }
  return out;
}

/** File → the source files it imports (relative imports that resolve to a .ts file; type imports count). */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const targets = importsOf(fs.readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'))
      .filter((target) => fs.existsSync(target));
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The import circles under `root`: the strongly connected groups of more than one file (Tarjan's
 * algorithm), each as its files relative to `root`, sorted. A circle means no file in it can be
 * understood, tested or moved without the others, and it is how a layer starts leaking into another.
 */
export function importCircles(root = srcRoot): string[][] {
  const graph = importGraph(root);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(path.relative(root, w).split(path.sep).join('/'));
    } while (w !== v);
    if (group.length > 1) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Folders whose inner circles are tolerated while someone takes them apart. Empty: the last ones
 * (chat/, the Lark listeners) are gone, and none may come back. A circle reaching out of a listed
 * folder would fail anyway.
 */
const CIRCLES_OWNED_ELSEWHERE: readonly string[] = [];

const ownedElsewhere = (circle: readonly string[]): boolean => CIRCLES_OWNED_ELSEWHERE.some((folder) => circle.every((f) => f.startsWith(folder)));

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

  it('views/ import only the domain (read models included) and other views: no use case, conversation or platform', () => {
    expect(violations('views')).toEqual([]);
  });

  it('no source files import each other in a circle', () => {
    expect(importCircles().filter((c) => !ownedElsewhere(c))).toEqual([]);
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

  it('the view check flags a view reaching a use case, the conversation or a platform', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-probe-'));
    try {
      fs.mkdirSync(path.join(dir, 'views', 'forms'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'views', 'forms', 'bad.ts'),
        `import type { R } from '../../application/get-scorecard.js';\nimport { c } from '../../chat/request.js';\nimport { s } from '../../adapters/slack/x.js';\nimport type { P } from '../../domain/read-models/x.js';\nimport { f } from '../format.js';\n`,
      );
      expect(violations('views', dir)).toEqual([
        'views/forms/bad.ts imports ../../application/get-scorecard.js',
        'views/forms/bad.ts imports ../../chat/request.js',
        'views/forms/bad.ts imports ../../adapters/slack/x.js',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the circle check flags a made-up circle, type imports and re-exports included, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arch-probe-'));
    try {
      fs.mkdirSync(path.join(dir, 'application'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'views'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'chat'), { recursive: true });
      const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
      // views/a → application/b (type only) → views/c (re-export) → views/a: one circle of three.
      write('views/a.ts', `import type { B } from '../application/b.js';\nexport const a = 1;\n`);
      write('application/b.ts', `export { c } from '../views/c.js';\nexport type B = number;\n`);
      write('views/c.ts', `import { a } from './a.js';\nexport const c = a;\n`);
      // Imports in one direction only: no circle.
      write('application/d.ts', `import { a } from '../views/a.js';\nimport { e } from './e.js';\nexport const d = a + e;\n`);
      write('application/e.ts', `export const e = 2;\n`);
      // A circle wholly inside chat/ is found too.
      write('chat/x.ts', `import { y } from './y.js';\nexport const x = y;\n`);
      write('chat/y.ts', `import type { X } from './x.js';\nexport const y = 1;\n`);
      const circles = importCircles(dir);
      expect(circles).toEqual([
        ['application/b.ts', 'views/a.ts', 'views/c.ts'],
        ['chat/x.ts', 'chat/y.ts'],
      ]);
      expect(circles.filter((c) => !ownedElsewhere(c))).toEqual(circles);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
