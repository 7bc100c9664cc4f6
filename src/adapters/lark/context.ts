import type { Client } from '@larksuiteoapi/node-sdk';
import type { AppDeps } from '../../application/deps.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Logger } from '../../ports/logger.js';
import type { LarkActors } from './actors.js';
import type { Background } from './background.js';
import type { LarkSender, Target } from './sender.js';

/** What every Lark handler gets: the use cases' dependencies, the actor resolver, the sender. */
export interface LarkContext {
  deps: AppDeps;
  logger: Logger;
  defaultLocale: Locale;
  client: Client;
  actors: LarkActors;
  sender: LarkSender;
  background: Background;
  /** The bot's own open_id (bot/v3/info at start), to tell its @-mentions from other people's. */
  bot: { openId?: string };
  /** How long a card callback may work before Lark gets an answer and the card is updated later. */
  ackDeadlineMs: number;
  /** Told each command and form submission handled (metrics). */
  onCommand?: (command: string) => void;
  /** Told when an answer put messages in the outbox (an intel post), so they go out now. */
  onQueued?: () => void;
}

/** A command as the Lark handlers read it from a message or a bot-menu click. */
export interface LarkCommand {
  openId: string;
  /** The user's name when the event says it (a menu click), for a first registration without contact access. */
  name?: string;
  /** The command and its words, mentions removed (`/visit Acme`, `/appraisal-admin role manager`). */
  text: string;
  /** People mentioned after the command, in order (the bot itself excluded). */
  mentions: { openId: string; name: string }[];
  /** Where the answer goes: the DM it came from, or the user's DM for a group command or a menu click. */
  reply: Target;
  /** The chat the command was sent in. */
  chat?: { chatId: string; group: boolean };
}
