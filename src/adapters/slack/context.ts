import type { webApi } from '@slack/bolt';
import type { AppDeps } from '../../application/deps.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Logger } from '../../ports/logger.js';
import type { SlackActors } from './actors.js';

/** What every Slack listener gets: the use cases' dependencies, the actor resolver and settings. */
export interface SlackContext {
  deps: AppDeps;
  actors: SlackActors;
  logger: Logger;
  defaultLocale: Locale;
  client: webApi.WebClient;
  /** Messages were put in the outbox (an intel post): asks the dispatcher to send them now. */
  onQueued?: (() => void) | undefined;
}
