/**
 * Child process for the crash test in embedded-crash.test.ts: opens the embedded store in the
 * folder given as argv[2], then writes intel records for ever (single inserts and batches),
 * printing `committed <id>` after each write returns — i.e. only once it is committed. The test
 * SIGKILLs this process mid-way and checks that every printed id survived.
 */
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { intel, person } from './fixtures.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir>');

const store = openSqliteStore({ dataDir });
await store.people.put(person('writer'));
process.stdout.write('ready\n');

// A bound only so an orphaned writer cannot run for ever; the test kills it long before.
for (let i = 0; i < 100_000; i++) {
  if (i % 10 === 9) {
    const batch = Array.from({ length: 20 }, (_, j) => ({ ...intel(`b${i}-${j}`, 'writer', '2026-02-01'), text: 'x'.repeat(3000) }));
    await store.intel.insertMany(batch);
    process.stdout.write(batch.map((r) => `committed ${r.id}\n`).join(''));
  } else {
    await store.intel.insert({ ...intel(`s${i}`, 'writer', '2026-02-01'), text: 'y'.repeat(3000) });
    process.stdout.write(`committed s${i}\n`);
  }
}
