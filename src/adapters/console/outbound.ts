import type { DeliveryTarget } from '../../domain/model/delivery.js';
import type { Locale } from '../../domain/model/fields.js';
import type { ChatPlatform, OutgoingMessage } from '../../ports/chat.js';
import { t } from '../../views/i18n.js';
import { renderText } from '../../views/render-text.js';

/** Scheduled posts and DMs printed in the terminal as they are sent. */
export function createConsoleOutbound(write: (text: string) => void, locale: Locale, nameOf: (identity: string) => string): ChatPlatform {
  let n = 0;
  return {
    name: 'console',
    limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 },
    async send(target: DeliveryTarget, message: OutgoingMessage) {
      const heading =
        target.kind === 'dm' ? t(locale, 'console.dm', { to: nameOf(target.identity) }) : t(locale, 'console.post', { to: target.channel.replace(/^console:/, '#') });
      write(`\n${heading}\n${message.view ? renderText(message.view) : message.text}`);
      return { messageId: `console-${++n}` };
    },
  };
}
