import { z } from 'zod';

/**
 * The shapes of the schema 2.0 events and callbacks we handle
 * (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case),
 * as far as our listeners read them. A verified body of one of these types that does not fit is
 * answered 400 at once instead of being dispatched and silently dropped. Other event types pass
 * (the SDK ignores types nobody registered; answering 4xx would only make Lark retry them).
 * Extra fields are allowed: Lark adds fields over time.
 */
const text = z.string().min(1);

const EVENTS: Record<string, z.ZodType> = {
  'im.message.receive_v1': z.looseObject({
    sender: z.looseObject({ sender_type: text, sender_id: z.looseObject({ open_id: z.string().optional() }).optional() }),
    message: z.looseObject({ message_id: text, chat_id: text, chat_type: text, message_type: text, content: z.string() }),
  }),
  'application.bot.menu_v6': z.looseObject({ operator: z.looseObject({ operator_id: z.looseObject({ open_id: text }) }), event_key: z.string() }),
  'card.action.trigger': z.looseObject({
    operator: z.looseObject({ open_id: text }),
    action: z.looseObject({ form_value: z.record(z.string(), z.unknown()).optional() }),
    context: z.looseObject({ open_message_id: z.string().optional() }).optional(),
  }),
};

const Envelope = z.looseObject({
  header: z.looseObject({ event_type: text, event_id: text }),
  event: z.looseObject({}),
});

/** Null when a verified payload can be dispatched, or what is wrong with it. */
export function shapeProblem(payload: Record<string, unknown>): string | null {
  if (payload.schema !== '2.0') return null;
  const envelope = Envelope.safeParse(payload);
  if (!envelope.success) return `not an event envelope (${where(envelope.error)})`;
  const schema = EVENTS[envelope.data.header.event_type];
  if (!schema) return null;
  const event = schema.safeParse(envelope.data.event);
  return event.success ? null : `not a ${envelope.data.header.event_type} event (${where(event.error)})`;
}

function where(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid';
}
