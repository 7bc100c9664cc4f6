import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { readinessCheck } from '../../src/adapters/ops/readiness.js';
import { startHarness, VISIT_VALUES, type Harness } from '../slack/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type ModalErrors = { response_action?: string; errors?: Record<string, string> };

describe('the database file deleted while the bot runs (signed Slack submissions to the running app)', () => {
  it('answers every submission "temporarily unavailable, nothing was saved" instead of acknowledging it into the lost file', async () => {
    h = await startHarness();
    const before = await h.deps.store.activities.count();
    fs.rmSync(databasePath(h.deps.dataDir));

    let acknowledged = 0;
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      const res = await h.submit('UANN', 'visit', { ...VISIT_VALUES, purpose: { text: `Visit ${i}` } }, { viewId: `VDEL${i}` });
      expect(res.status).toBe(200);
      if (res.body === '') acknowledged++;
      else if ((res.json() as ModalErrors).errors?.account === 'The appraisal database is temporarily unavailable. Nothing was saved; please retry in a minute.') refused++;
    }
    expect({ acknowledged, refused }).toEqual({ acknowledged: 0, refused: 20 });
    expect(await h.deps.store.activities.count()).toBe(before);

    const readiness = await readinessCheck({ store: h.deps.store, platforms: {}, timeoutMs: 5_000 })();
    expect(readiness.ready).toBe(false);
    // And a restart does not carry on with a new, empty database.
    expect(() => openSqliteStore({ dataDir: h!.deps.dataDir })).toThrow(/is missing, but one was in use here/);
  });
});
