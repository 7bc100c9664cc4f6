import crypto from 'node:crypto';

/** Signs a request body exactly as Slack does: v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + body)). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  body: string;
  json: () => unknown;
}

/** POSTs a form- or JSON-encoded body to the app, signed (or mis-signed) like Slack. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  opts: { contentType?: string; timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
): Promise<SignedPost> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': opts.signature ?? slackSignature(secret, ts, body),
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, json: () => JSON.parse(text) as unknown };
}

/** A slash command's form body, as Slack sends it. */
export function commandBody(fields: { command: string; text?: string; user_id: string; trigger_id?: string; channel_id?: string; response_url: string }): string {
  return new URLSearchParams({
    token: 'legacy-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C0SALES',
    channel_name: 'sales',
    user_id: fields.user_id,
    user_name: fields.user_id.toLowerCase(),
    command: fields.command,
    text: fields.text ?? '',
    api_app_id: 'A0APP',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** An interactive payload (`payload=<json>`) body. */
export const payloadBody = (payload: unknown): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export type FieldValue = { text: string } | { option: string } | { date: string } | { number: string };

/** Builds `view.state.values` the way Slack sends it for our input blocks (block_id = action_id = field). */
export function stateValues(values: Record<string, FieldValue | undefined>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [field, v] of Object.entries(values)) {
    if (!v) out[field] = { [field]: { type: 'plain_text_input', value: null } };
    else if ('text' in v) out[field] = { [field]: { type: 'plain_text_input', value: v.text } };
    else if ('number' in v) out[field] = { [field]: { type: 'number_input', value: v.number } };
    else if ('date' in v) out[field] = { [field]: { type: 'datepicker', selected_date: v.date } };
    else out[field] = { [field]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: v.option }, value: v.option } } };
  }
  return out;
}

/** A `view_submission` payload for one of our form modals, as Slack sends it. */
export function viewSubmission(fields: {
  user: string;
  form: string;
  viewId: string;
  triggerId: string;
  privateMetadata: string;
  values: Record<string, FieldValue | undefined>;
  blocks?: unknown[];
}): object {
  return {
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: fields.user, name: fields.user.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: fields.triggerId,
    view: {
      id: fields.viewId,
      team_id: 'T0FAKE',
      type: 'modal',
      callback_id: `form:${fields.form}`,
      private_metadata: fields.privateMetadata,
      blocks: fields.blocks ?? [],
      state: { values: stateValues(fields.values) },
    },
  };
}
