import type { testDeps } from '../helpers/temp-store.js';

/**
 * What the platform contract suite (contract.test.ts) needs from a platform, whatever its harness:
 * people of the test organisation (smallOrg ids) send commands, fill forms, click buttons, and the
 * driver says what reached them. Values are neutral strings by field id (dates as YYYY-MM-DD); each
 * driver turns them into its platform's payloads (Slack view state, Lark form_value, typed answers).
 *
 * Optional hooks are the capabilities a platform may lack: a driver that lacks one lists the cases
 * that need it in `notApplicable`, with the reason.
 */
export type Who = 'ann' | 'mgr' | 'hr';
export type Values = Record<string, string | undefined>;

export interface Opened {
  /** The form's title as the user sees it; null when no form opened. */
  title: string | null;
  /** Everything else the user was shown (an explanation instead of a form, a refusal). */
  text: string;
}

export interface Submitted {
  /** Field id → the error shown next to that field; empty when the submission was accepted. */
  fieldErrors: Record<string, string>;
  /** The form is still open for the user to correct (only meaningful with field errors). */
  stillOpen: boolean;
  /** The text the user was answered with (the confirmation, a refusal). */
  text: string;
}

export interface Clicked {
  /** The answer replaced the very message whose button was clicked. */
  replacedClicked: boolean;
  text: string;
}

export interface SentFile {
  name: string;
  content: Buffer;
}

export interface RateLimitReport {
  /** Calls the platform refused with its rate-limit answer. */
  refused: number;
  /** Waits the adapter asked for before retrying, in seconds; absent where the SDK waits unseen. */
  waitedSeconds?: number[];
}

export type CaseId =
  | 'open-form'
  | 'form-with-kind'
  | 'field-errors'
  | 'stored'
  | 'submitted-twice'
  | 'decision-replaces'
  | 'file-answer'
  | 'rate-limited'
  | 'redelivered-event'
  | 'redelivery-after-crash'
  | 'duplicate-while-handling'
  | 'unknown-mention'
  | 'known-mention'
  | 'stale-button'
  | 'stale-button-language'
  | 'store-refused';

/** A platform as the suite lists it: known before any harness starts, so a case is listed either way. */
export interface Platform {
  name: 'slack' | 'lark' | 'console';
  /** Cases this platform cannot take part in, each with the reason. */
  notApplicable: Partial<Record<CaseId, string>>;
  /** Cases today's adapter fails, each naming the defect: run as expected failures until it is fixed. */
  knownDefects?: Partial<Record<CaseId, string>>;
  start(): Promise<PlatformDriver>;
}

export interface PlatformDriver {
  deps: ReturnType<typeof testDeps>;
  /** Sends `command` (English name, no slash) with `text` (mentions as in `command`); the form it opened, or what it answered. */
  open(who: Who, command: string, text?: string): Promise<Opened>;
  /**
   * Sends a command that answers with a message (no form); returns the answer's text. In `text`,
   * `@ann` and `@bob` mention them (known to the bot), `@stranger` a platform user the bot has never seen,
   * each written in the platform's own mention markup.
   */
  command(who: Who, command: string, text?: string): Promise<string>;
  /** Submits the form last opened for `who` with these values (missing = left empty). */
  submit(who: Who, values: Values): Promise<Submitted>;
  /** Every file an answer carried, in order. */
  filesSent(): Promise<SentFile[]>;
  close(): Promise<void>;

  /** The platform delivers the last submission again (a double click, a retried callback). */
  resubmit?(who: Who): Promise<Submitted>;
  /** Clicks a button on a message the bot sent `who` privately. */
  click?(who: Who, actionId: string, value: string): Promise<Clicked>;
  /** The platform API answers the next call that delivers an answer to a user with its rate limit. */
  rateLimitNextAnswer?(): void;
  rateLimitReport?(): RateLimitReport;
  /** A platform event from `who` (one that answers them) under `eventId`; `retry` marks a redelivery. */
  event?(who: Who, eventId: string, retry: boolean): Promise<void>;
  /** How many answers `who` got to events. */
  eventAnswers?(who: Who): number;
  /** The store key under which the adapter claims an event (to leave a crashed replica's claim). */
  claimKey?(eventId: string): string;
}
