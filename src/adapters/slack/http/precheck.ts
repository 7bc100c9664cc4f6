import type http from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from '../../../ports/logger.js';
import type { RequestListener } from '../../http/guard.js';
import { answerAfterBody, readBody } from '../../http/read-body.js';
import { answerJson, mediaType, methodNotAllowed } from '../../http/respond.js';
import { describeIssue, EventsBody, InteractivePayload, SlashCommand } from './payload-shapes.js';
import { signatureProblem } from './verify-signature.js';

export interface PrecheckOptions {
  signingSecret: string;
  /** Wall-clock milliseconds for the signature's replay window (Slack's clock, not the business clock). */
  nowMs?: () => number;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

type Verdict = { ok: true } | { ok: false; status: 400 | 415; reason: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Is this signed body one Bolt and our listeners can read? */
function checkShape(type: string, text: string): Verdict {
  if (type === JSON_TYPE) {
    const json = parseJson(text);
    if (!json.ok) return { ok: false, status: 400, reason: 'body is not JSON' };
    const r = EventsBody.safeParse(json.value);
    return r.success ? { ok: true } : { ok: false, status: 400, reason: `not an Events API body (${describeIssue(r.error)})` };
  }
  const form = parseForm(text);
  if (form.payload !== undefined) {
    if (typeof form.payload !== 'string') return { ok: false, status: 400, reason: 'payload given twice' };
    const json = parseJson(form.payload);
    if (!json.ok) return { ok: false, status: 400, reason: 'payload is not JSON' };
    const r = InteractivePayload.safeParse(json.value);
    return r.success ? { ok: true } : { ok: false, status: 400, reason: `not an interactive payload we handle (${describeIssue(r.error)})` };
  }
  const r = SlashCommand.safeParse(form);
  return r.success ? { ok: true } : { ok: false, status: 400, reason: `not a slash command (${describeIssue(r.error)})` };
}

/**
 * The transport gate in front of Bolt's HTTPReceiver on `/slack/events`: POST only (405 with Allow),
 * a body of at most 1 MB (413), Slack's signature within the replay window (401), a form or JSON
 * body (415) of a shape Bolt and our listeners can read (400) — each refusal logged with its reason,
 * answered at once, and nothing interpreted. Bolt alone crashed the process on a GET (it throws
 * synchronously for any other method) and on `payload=null`, and hung 3 seconds on bodies it could
 * not route. The body read here is handed on as `rawBody`, which Bolt uses instead of reading the
 * (already consumed) stream again (HTTPModuleFunctions.bufferIncomingMessage).
 */
export function slackPrecheck(bolt: (req: http.IncomingMessage, res: http.ServerResponse) => void, o: PrecheckOptions, logger: Logger): RequestListener {
  const now = o.nowMs ?? Date.now;
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string): void => {
    logger.warn({ method: req.method, status, reason }, 'Slack request refused');
    answerJson(res, status, { error: reason });
  };
  return async (req, res) => {
    if (req.method !== 'POST') {
      logger.warn({ method: req.method, status: 405 }, 'Slack request refused');
      return answerAfterBody(req, () => methodNotAllowed(res, ['POST']));
    }
    const read = await readBody(req);
    if (!read.ok) return read.reason === 'too-large' ? refuse(req, res, 413, 'body too large') : undefined;
    const type = mediaType(req);
    const text = read.body.toString('utf8');
    // Slack checks the certificate with an unsigned `ssl_check=1` (slash-command URLs); nothing else rides along.
    if (type === FORM && parseForm(text).ssl_check === '1') return answerJson(res, 200, {});
    const unsigned = signatureProblem(req, read.body, o.signingSecret, now());
    if (unsigned) return refuse(req, res, 401, unsigned);
    if (type !== FORM && type !== JSON_TYPE) return refuse(req, res, 415, `content type must be ${FORM} or ${JSON_TYPE}`);
    const shape = checkShape(type, text);
    if (!shape.ok) return refuse(req, res, shape.status, shape.reason);
    // Bolt parses a form only when the content type is exactly this (a charset parameter made it a 400).
    if (type === FORM) req.headers['content-type'] = FORM;
    Object.assign(req, { rawBody: read.body });
    bolt(req, res);
  };
}
