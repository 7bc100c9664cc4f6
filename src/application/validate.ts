import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { toFieldIssues } from '../domain/records.js';

/** Parses a use case's input; a bad value becomes VALIDATION with one issue per form field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { params: { messageId: 'error.invalidInput' }, issues });
}
