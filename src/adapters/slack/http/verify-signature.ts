import crypto from 'node:crypto';
import type http from 'node:http';

/** Slack's replay window: a request signed more than 5 minutes from now, either way, is refused. */
export const SLACK_WINDOW_SECONDS = 5 * 60;

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Slack's request signature (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + rawBody))`. Checked here, before the body is parsed,
 * so nothing from an unsigned request is ever interpreted. Unlike Bolt this also refuses timestamps
 * from the future (a clock-skewed capture would otherwise stay replayable).
 * Returns null when the request is genuine, or why it is not.
 */
export function signatureProblem(req: http.IncomingMessage, raw: Buffer, secret: string, nowMs: number): string | null {
  const ts = header(req, 'x-slack-request-timestamp');
  const signature = header(req, 'x-slack-signature');
  if (ts === undefined || signature === undefined) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(ts)) return 'bad timestamp';
  if (Math.abs(nowMs / 1000 - Number(ts)) > SLACK_WINDOW_SECONDS) return 'stale or future timestamp';
  const expected = Buffer.from(`v0=${crypto.createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'bad signature';
  return null;
}
