import type { PlatformName } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import type { Form } from '../views/forms/form.js';
import type { View } from '../views/view.js';

/**
 * A command of the review cycle as every platform hands it to the shared conversation: the
 * platform parses its own mentions and resolves them to people the bot already knows (a mention
 * never registers anyone), and says where fan-out messages go.
 */
export interface ChatRequest {
  /** The words after the command on the first line, mentions removed. */
  words: string[];
  /** Mentioned people the bot knows, in order. */
  users: Person[];
  /** Labels of mentioned platform users the bot does not know: a command that needs a person refuses them. */
  unknownUsers: string[];
  /** The lines after the first (notes, a pasted CSV …). */
  lines: string[];
  /** The platforms fan-out messages go to (every running one). */
  platforms: readonly PlatformName[];
  /** The platform's id of this request, when it has one, for idempotent writes. */
  requestId?: string;
}

/** A file the answer carries (an export): the platform uploads it where the command was run. */
export interface AnswerFile {
  name: string;
  mimeType: string;
  content: Uint8Array;
  /** What the file is, shown with it. */
  title: string;
}

export interface ChatAnswer {
  view: View;
  files?: AnswerFile[];
  /** A form to open instead (Slack modal, Lark card form); `kind` rides along to its submission. */
  form?: { form: Form; kind: string };
}

export { textView } from '../views/text-view.js';

/** The running platforms, or the caller's when the process does not say (tests, the console). */
export const fanOutPlatforms = (configured: readonly PlatformName[] | undefined, caller: readonly PlatformName[]): readonly PlatformName[] =>
  configured?.length ? configured : caller;
