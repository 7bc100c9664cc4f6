import { expect } from 'vitest';
import { AppError } from '../../src/domain/errors.js';

/** Awaits a use case that must be refused, and returns its AppError (fails the test otherwise). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error('expected a refusal, but it succeeded'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
