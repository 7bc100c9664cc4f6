/**
 * Coded errors. Every failure the user can cause has a code and structured params, so the
 * views can explain it in the user's language; unknown failures keep their cause for the logs.
 */
export type ErrorCode =
  | 'VALIDATION' // a value has the wrong type or is out of range
  | 'REFERENCE' // a record points at something that does not exist
  | 'NOT_FOUND' // the thing asked for does not exist
  | 'CONFLICT' // a unique rule would be broken (same name, same pair and period …)
  | 'FORBIDDEN' // the actor lacks the role
  | 'UNAVAILABLE' // the store or a platform cannot be reached; nothing was saved
  | 'CONFIG'; // a setting is wrong or missing

export interface FieldIssue {
  /** Dotted path of the field, e.g. `service` or `categories.0.weight`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly issues: FieldIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    opts: { params?: Record<string, unknown>; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = opts.params ?? {};
    this.issues = opts.issues ?? [];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
