import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Logger } from '../../ports/logger.js';
import { errorText } from '../../views/errors.js';
import { t } from '../../views/i18n.js';
import { textCard, type Card } from './render/card.js';

/** Logs unexpected errors with context; known ones are the user's to fix and are not noise. */
export function logFailure(logger: Logger, e: unknown, what: string): void {
  if (isAppError(e) && e.code !== 'UNAVAILABLE') logger.info({ code: e.code, msg: e.message }, `${what} refused`);
  else logger.error({ err: e }, `${what} failed`);
}

/** A refusal or failure as a card, in the user's language. */
export const errorCard = (locale: Locale, e: unknown): Card => textCard(t(locale, 'lark.title'), errorText(locale, e), 'red');

/** A plain answer (admin results, hints) as a card. */
export const answerCard = (locale: Locale, text: string): Card => textCard(t(locale, 'lark.title'), text);
