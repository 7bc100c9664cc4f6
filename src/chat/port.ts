import type { AppDeps } from '../application/deps.js';
import type { PlatformName } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import type { Form, FormValues } from '../views/forms/form.js';
import type { View } from '../views/view.js';
import type { CommandName } from './commands.js';

/**
 * The conversation port: the incoming side's counterpart of `ChatPlatform` (ports/chat.ts). Every
 * platform adapter turns what arrived (a slash command, a message, a menu click, a button, a form
 * submission) into one `ChatInput`, hands it to the router (chat/router.ts) and renders the
 * `ChatAnswer` it gets back. Adapters translate; the conversation decides.
 */

/**
 * What a request says besides its intent: the platform parses its own mentions and resolves them
 * to people the bot already knows (a mention never registers anyone), unescapes its markup, and
 * says where fan-out messages go.
 */
export interface ChatRequest {
  /** The words after the command on the first line, mentions removed. */
  words: string[];
  /** Mentioned people the bot knows, in order. */
  users: Person[];
  /** Labels of mentioned platform users the bot does not know: a command that needs a person refuses them. */
  unknownUsers: string[];
  /** The lines after the first (notes, a pasted CSV …), or an uploaded file's lines. */
  lines: string[];
  /** The platforms fan-out messages go to (every running one). */
  platforms: readonly PlatformName[];
  /** The platform's id of this request, when it has one, for idempotent writes. */
  requestId?: string;
  /** The platform the request came from; the first of `platforms` when absent. */
  platform?: PlatformName;
  /** A channel the command names (Slack `<#C…>`, a Lark group), as a platform ref and how to show it. */
  channel?: { ref: string; label: string };
}

/** Where a submitted form goes: the form's id (or an edit's `edit:<kind>:<id>`) and the kind riding along. */
export interface FormRef {
  form: string;
  kind?: string;
}

/** Everything that reaches the conversation. */
export type ChatInput =
  | { type: 'command'; command: CommandName; request: ChatRequest }
  /** A button the bot drew (`Button.id` and `Button.value`): a decision, a reminder's "Log the follow-up", an entry's Edit … */
  | { type: 'button'; action: string; value: string; request: ChatRequest }
  | { type: 'submit'; ref: FormRef; values: FormValues; request: ChatRequest };

/** A file the answer carries (an export): the platform uploads it where the command was run. */
export interface AnswerFile {
  name: string;
  mimeType: string;
  content: Uint8Array;
  /** What the file is, shown with it. */
  title: string;
}

/** A form to open: `kind` and `as` ride along to its submission (`as` replaces the form's id there, e.g. an edit). */
export interface FormToOpen {
  form: Form;
  kind?: string;
  as?: string;
}

/** A submission the conversation refused: what the platform needs to show it where the user is. */
export interface Refusal {
  /** The refusal itself (an AppError with its issues, or the unexpected failure). */
  error: unknown;
  /** Each problem under its field, for the fields this form has; empty when none maps to a field. */
  fieldErrors: Record<string, string>;
  /** The whole reason as a sentence, for a platform that cannot show it under a field. */
  reason: string;
  /**
   * Nothing was wrong with the input or the person's rights (the store was down or refused the
   * write unexpectedly): the same submission may well succeed when sent again, so the form is kept.
   */
  retry: boolean;
  /** The form again (a card update resets its inputs), or null when it cannot be rebuilt for this actor. */
  formAgain: () => Promise<FormToOpen | null>;
}

/**
 * What the conversation answers. `view` is always there: the reply to a command, the message a
 * button's answer replaces, a submission's confirmation. The rest says what else to do.
 */
export interface ChatAnswer {
  view: View;
  files?: AnswerFile[];
  /** A form to open instead of showing `view` (Slack modal, Lark card form, console prompts). */
  form?: FormToOpen;
  /** A stored submission (`view` is the confirmation); `pending` when it waits for someone's approval instead. */
  saved?: { pending?: boolean };
  /** A submission refused: `view` says why. */
  refused?: Refusal;
  /** A button this version does not know (an old message): nothing was done. */
  stale?: true;
  /** Messages this answer put in the outbox (an intel post): the platform asks its dispatcher to send them now. */
  queued?: number;
}

/** Answers a `ChatInput` as `actor`. The router (chat/router.ts) implements it. */
export type Converse = (deps: AppDeps, actor: Person, input: ChatInput) => Promise<ChatAnswer>;

/** A decision button's handler (chat/router.ts holds them all): the clicker's role is checked inside. */
export type DecisionHandler = (deps: AppDeps, actor: Person, value: string, platforms: readonly PlatformName[]) => Promise<View>;

export { textView } from '../views/text-view.js';

/** The running platforms, or the caller's when the process does not say (tests, the console). */
export const fanOutPlatforms = (configured: readonly PlatformName[] | undefined, caller: readonly PlatformName[]): readonly PlatformName[] =>
  configured?.length ? configured : caller;

/** The platform a request came from. */
export const platformOf = (req: Pick<ChatRequest, 'platform' | 'platforms'>): PlatformName => req.platform ?? req.platforms[0] ?? 'console';
