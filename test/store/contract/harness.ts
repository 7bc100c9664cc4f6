import { afterEach, beforeEach, expect } from 'vitest';
import { AppError, type ErrorCode } from '../../../src/domain/errors.js';
import type { Store } from '../../../src/ports/store.js';

/** Opening a MongoDB store creates its collections and indexes: allow more than vitest's 10 s default. */
const OPEN_TIMEOUT_MS = 60_000;

/** Opens a fresh, empty store before each test and closes it after; `get()` returns the open one. */
export function useStore(open: () => Promise<Store>): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await open();
  }, OPEN_TIMEOUT_MS);
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('the store is only open inside a test');
    return store;
  };
}

/** Awaits a promise that must reject with an AppError of this code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a ${code} AppError`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** The field paths an error names. */
export const issuePaths = (e: AppError): string[] => e.issues.map((i) => i.path);
