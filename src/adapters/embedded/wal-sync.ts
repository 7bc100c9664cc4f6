import { open } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';

/**
 * Makes committed WAL frames durable without blocking the event loop: `fdatasync` of the WAL file
 * on libuv's thread pool. This is the sync SQLite itself does at each commit with
 * `synchronous = FULL` in WAL mode (unix VFS: fdatasync of the -wal file; the database file is
 * synced only at checkpoints, which SQLite still does itself), moved off the loop.
 *
 * A sync covers everything written to the file before it starts, so syncs are pipelined: one at a
 * time, and the commits that finish while it runs share the next one. The file is opened by its
 * path for every sync, so a WAL that vanished fails the sync (the writes are not reported stored)
 * rather than syncing a file nobody will read.
 *
 * Returned function: resolves once a sync that started after the call has finished; rejects with
 * UNAVAILABLE when it failed.
 */
export function walSyncer(walFile: string): () => Promise<void> {
  let running = false;
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const start = (): void => {
    running = true;
    const batch = waiting;
    waiting = [];
    datasync(walFile).then(
      () => {
        for (const w of batch) w.resolve();
      },
      (e: unknown) => {
        const error = new AppError('UNAVAILABLE', `the embedded database could not be written to disk (${(e as Error).message}); nothing was saved`, { params: { file: walFile }, cause: e });
        for (const w of batch) w.reject(error);
      },
    ).finally(() => {
      running = false;
      if (waiting.length > 0) start();
    });
  };
  return () =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (!running) start();
    });
}

async function datasync(file: string): Promise<void> {
  // r+: the file must exist (no create, no truncate); a sync needs no more than an open descriptor.
  const handle = await open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
