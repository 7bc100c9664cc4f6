import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { storeContract } from './contract.js';
import { seedFixtures } from './fixtures.js';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

storeContract('embedded (SQLite)', async () => openSqliteStore({ dataDir: freshDir() }));

describe('embedded store durability', () => {
  it('keeps its data across a restart', async () => {
    const dir = freshDir();
    const first = openSqliteStore({ dataDir: dir });
    await seedFixtures(first, { cycles: true });
    const before = await first.audit.find();
    await first.close();

    const second = openSqliteStore({ dataDir: dir });
    try {
      expect(await second.activities.count()).toBe(7);
      expect(await second.audit.find()).toEqual(before);
      expect((await second.personByIdentity('slack:UREPA01'))?.id).toBe('rep-a');
      // The reopened store still enforces what the first one did.
      await expect(second.people.insert({ id: 'x', name: 'X', roles: ['rep'], joinDate: '2026-01-01', identities: ['slack:UREPA01'], createdAt: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await second.close();
    }
  });
});
