import type http from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from '../../../ports/logger.js';
import type { RequestListener } from '../../http/guard.js';
import { answerAfterBody, readBody } from '../../http/read-body.js';
import { answerJson, mediaType, methodNotAllowed } from '../../http/respond.js';
import { describeIssue, EventsBody, InteractivePayload, SlashCommand } from './payload-shapes.js';
import type { SlackBody } from './edge-receiver.js';
import { signatureProblem } from './verify-signature.js';

export interface PrecheckOptions {
  signingSecret: string;
  /** Wall-clock milliseconds for the signature's replay window (Slack's clock, not the business clock). */
  nowMs?: () => number;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

type Verdict = { ok: true; body: SlackBody } | { ok: false; status: 400 | 415; reason: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Is this signed body one Bolt and our listeners can read? Then it is handed on as parsed here, the
 * value Bolt's HTTPReceiver would have parsed (HTTPModuleFunctions.parseHTTPRequestBody): the JSON
 * of an Events API body or of a form's `payload` field, or else the form's fields. The parse is
 * the one before the check, not zod's copy: the shape check only says yes or no.
 */
function checkShape(type: string, text: string, form: ReturnType<typeof parseForm> | undefined): Verdict {
  if (type === JSON_TYPE) {
    const json = parseJson(text);
    if (!json.ok) return { ok: false, status: 400, reason: 'body is not JSON' };
    const r = EventsBody.safeParse(json.value);
    return r.success ? { ok: true, body: json.value as SlackBody } : { ok: false, status: 400, reason: `not an Events API body (${describeIssue(r.error)})` };
  }
  const fields = form ?? readForm(text);
  if (fields.payload !== undefined) {
    if (typeof fields.payload !== 'string') return { ok: false, status: 400, reason: 'payload given twice' };
    const json = parseJson(fields.payload);
    if (!json.ok) return { ok: false, status: 400, reason: 'payload is not JSON' };
    const r = InteractivePayload.safeParse(json.value);
    return r.success ? { ok: true, body: json.value as SlackBody } : { ok: false, status: 400, reason: `not an interactive payload we handle (${describeIssue(r.error)})` };
  }
  const r = SlashCommand.safeParse(fields);
  return r.success ? { ok: true, body: fields } : { ok: false, status: 400, reason: `not a slash command (${describeIssue(r.error)})` };
}

const PAYLOAD_FIELD = 'payload=';

/**
 * A form body's fields, as querystring.parse reads them. An interactive request is one field,
 * `payload=<JSON>`: that value is decoded directly (querystring's own decoding, '+' as a space, then
 * decodeURIComponent), ~3× faster than the general parser on a 7 KB modal state (issue 16, ack
 * profile); anything else, or a value decodeURIComponent refuses, goes through querystring.parse.
 */
function readForm(text: string): ReturnType<typeof parseForm> {
  if (text.startsWith(PAYLOAD_FIELD) && !text.includes('&')) {
    try {
      const fields: ReturnType<typeof parseForm> = Object.create(null) as ReturnType<typeof parseForm>;
      fields.payload = decodeURIComponent(text.slice(PAYLOAD_FIELD.length).replaceAll('+', ' '));
      return fields;
    } catch {
      // A malformed escape: querystring.parse decodes it leniently, as Bolt would have.
    }
  }
  return parseForm(text);
}

/**
 * Slack checks the certificate with an unsigned `ssl_check=1` (slash-command URLs); nothing else
 * rides along. Looked for only in a form whose signature failed (Slack does not sign it) or once the
 * signed form is parsed anyway, so a submission's body is parsed once.
 */
const isSslCheck = (form: ReturnType<typeof parseForm>): boolean => form.ssl_check === '1';

/**
 * The transport gate on `/slack/events`: POST only (405 with Allow), a body of at most 1 MB (413),
 * Slack's signature on the raw bytes within the replay window (401), a form or JSON body (415) of a
 * shape Bolt and our listeners can read (400) — each refusal logged with its reason, answered at
 * once, and nothing interpreted. Bolt alone crashed the process on a GET (it throws synchronously
 * for any other method) and on `payload=null`, and hung 3 seconds on bodies it could not route.
 * A request that passes is handed on parsed (`deliver`, edge-receiver.ts), so nothing after the
 * gate reads, verifies or parses the body again.
 */
export function slackPrecheck(deliver: (body: SlackBody, req: http.IncomingMessage, res: http.ServerResponse) => unknown, o: PrecheckOptions, logger: Logger): RequestListener {
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
    const unsigned = signatureProblem(req, read.body, o.signingSecret, now());
    if (unsigned) {
      if (type === FORM && isSslCheck(parseForm(text))) return answerJson(res, 200, {});
      return refuse(req, res, 401, unsigned);
    }
    if (type !== FORM && type !== JSON_TYPE) return refuse(req, res, 415, `content type must be ${FORM} or ${JSON_TYPE}`);
    const form = type === FORM ? readForm(text) : undefined;
    if (form && isSslCheck(form)) return answerJson(res, 200, {});
    const shape = checkShape(type, text, form);
    if (!shape.ok) return refuse(req, res, shape.status, shape.reason);
    return deliver(shape.body, req, res);
  };
}
