import { z } from 'zod';

/**
 * The shapes of the signed requests Slack sends (https://api.slack.com/interactivity/handling#payloads,
 * https://api.slack.com/apis/events-api#callback-field), as far as Bolt and our listeners read them.
 * A body that fails these never reaches Bolt: Bolt reads `body.ssl_check` before anything else (a
 * `null` payload crashed the process), our listeners read `body.user.id` and `view.state.values`
 * (a submission without them answered 500), and a body Bolt cannot route hung for 3 seconds.
 * Extra fields are allowed: Slack adds fields over time.
 */
const id = z.string().min(1);
const user = z.looseObject({ id });

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  trigger_id: id,
  actions: z.array(z.looseObject({ type: id, action_id: id, block_id: z.string().optional() })).min(1),
});

const view = z.looseObject({
  id,
  type: id,
  callback_id: z.string(),
  private_metadata: z.string().optional(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({}))) }),
});

const viewSubmission = z.looseObject({ type: z.literal('view_submission'), user, view });
const viewClosed = z.looseObject({ type: z.literal('view_closed'), user, view: view.partial({ state: true }) });

const blockSuggestion = z.looseObject({ type: z.literal('block_suggestion'), user, action_id: id, block_id: z.string(), value: z.string() });

const shortcut = z.looseObject({ type: z.literal('shortcut'), user, callback_id: id, trigger_id: id });
const messageAction = z.looseObject({ type: z.literal('message_action'), user, callback_id: id, trigger_id: id, channel: z.looseObject({ id }), message: z.looseObject({}) });

/** The JSON in the `payload` form field of an interactive request. */
export const InteractivePayload = z.discriminatedUnion('type', [blockActions, viewSubmission, viewClosed, blockSuggestion, shortcut, messageAction]);

/** A slash command's form fields (https://api.slack.com/interactivity/slash-commands#app_command_handling); a repeated field would be an array. */
export const SlashCommand = z.looseObject({
  command: z.string().regex(/^\/\S+$/),
  text: z.string(),
  user_id: id,
  channel_id: id,
  team_id: id,
  trigger_id: id,
  response_url: z.string().regex(/^https?:\/\/\S+$/),
});

/** The JSON body of an Events API request. */
export const EventsBody = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string().min(1) }),
  z.looseObject({ type: z.literal('event_callback'), event_id: id, event: z.looseObject({ type: id }) }),
  z.looseObject({ type: z.literal('app_rate_limited'), team_id: id }),
]);

/** What was wrong with a body, in a short line for the log and the 400 answer. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const at = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${at}: ${issue.message}`;
}
