import type http from 'node:http';
import { answerSurvey, openSurvey } from '../../application/surveys/answer-survey.js';
import type { AppDeps } from '../../application/deps.js';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { MessageKey } from '../../views/i18n.js';
import { answerAfterBody, readBody } from './read-body.js';
import { mediaType, methodNotAllowed } from './respond.js';
import { surveyFormHtml, surveyMessageHtml } from './survey-html.js';
import type { RequestListener } from './guard.js';

/** Where survey links point: `/survey/<token>` (the server routes this prefix here). */
export const SURVEY_PREFIX = '/survey/';

/** A survey answer is two digits and a comment: nothing near this size is a real one. */
const MAX_SURVEY_BODY = 16 * 1024;
/** Per client address: this many requests per window, then 429 (a token cannot be guessed at speed). */
const RATE = { limit: 30, windowMs: 10 * 60_000 };
const ALLOW = ['GET', 'HEAD', 'POST'] as const;

/** Fixed-window counts per client address, forgotten when their window has passed. */
function rateLimiter(now: () => number): (key: string) => boolean {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const t = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= RATE.windowMs) windows.delete(k);
    const w = windows.get(key);
    if (!w || t - w.start >= RATE.windowMs) {
      windows.set(key, { start: t, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= RATE.limit;
  };
}

/**
 * The token of `/survey/<token>`. A link mangled in transit (a broken %-escape) names no survey:
 * it reads as an empty token, answered "not a valid link", instead of a thrown URIError (a 500).
 */
function tokenOf(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice(SURVEY_PREFIX.length)).slice(0, 200);
  } catch {
    return '';
  }
}

/** The reader's language: `?lang=` (the form carries it), else Accept-Language, else the company's. */
function localeOf(req: http.IncomingMessage, fallback: Locale, chosen?: string | null): Locale {
  const lang = (chosen ?? '').toLowerCase();
  if (lang.startsWith('zh')) return 'zh-CN';
  if (lang.startsWith('en')) return 'en';
  const accept = (req.headers['accept-language'] ?? '').toLowerCase().trim();
  if (accept.startsWith('zh')) return 'zh-CN';
  if (accept.startsWith('en')) return 'en';
  return fallback;
}

function html(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The token is in the address: never sent on as a referrer, never framed, no script at all.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ...headers,
  });
  res.end(body);
}

const CLOSED: Record<'unknown' | 'answered' | 'expired' | 'forged', { status: number; key: MessageKey }> = {
  unknown: { status: 404, key: 'fairness.survey.page.unknown' },
  answered: { status: 410, key: 'fairness.survey.page.answered' },
  expired: { status: 410, key: 'fairness.survey.page.expired' },
  forged: { status: 403, key: 'fairness.survey.page.forged' },
};

/**
 * The customer survey page on the bot's HTTP server: GET shows the form, POST stores the answer
 * once. Guarded like every route (guard.ts), with its own method check, a small body limit, a form
 * key against forged posts (and a foreign Origin refused), and a rate limit per client address.
 */
export function surveyRoute(deps: AppDeps, opts: { publicUrl?: string | undefined }): RequestListener {
  const allowed = rateLimiter(() => deps.clock.now().getTime());
  const origin = opts.publicUrl ? new URL(opts.publicUrl).origin : undefined;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://survey.invalid');
    const token = tokenOf(url.pathname);
    const fallback = deps.settings.defaultLocale;
    if (!ALLOW.includes(req.method as (typeof ALLOW)[number])) return answerAfterBody(req, () => methodNotAllowed(res, ALLOW));
    if (!allowed(req.socket.remoteAddress ?? 'unknown')) {
      return answerAfterBody(req, () => html(res, 429, surveyMessageHtml(localeOf(req, fallback, url.searchParams.get('lang')), 'fairness.survey.page.tooMany'), { 'retry-after': String(RATE.windowMs / 1000) }));
    }
    if (req.method !== 'POST') {
      const locale = localeOf(req, fallback, url.searchParams.get('lang'));
      const open = await openSurvey(deps, token);
      if (!open.ok) return html(res, CLOSED[open.reason].status, surveyMessageHtml(locale, CLOSED[open.reason].key));
      return html(res, 200, surveyFormHtml(locale, { accountName: open.account.name, formKey: open.survey.formKey, action: url.pathname }));
    }
    const refuse = (status: number, key: MessageKey, locale: Locale) => html(res, status, surveyMessageHtml(locale, key));
    if (origin && req.headers.origin && req.headers.origin !== origin) return answerAfterBody(req, () => refuse(403, 'fairness.survey.page.forged', localeOf(req, fallback)));
    if (mediaType(req) !== 'application/x-www-form-urlencoded') return answerAfterBody(req, () => refuse(415, 'fairness.survey.page.badRequest', localeOf(req, fallback)));
    const body = await readBody(req, MAX_SURVEY_BODY);
    if (!body.ok) return refuse(body.reason === 'too-large' ? 413 : 400, 'fairness.survey.page.badRequest', localeOf(req, fallback));
    const form = new URLSearchParams(body.body.toString('utf8'));
    const locale = localeOf(req, fallback, form.get('lang'));
    const values = { service: form.get('service') ?? undefined, product: form.get('product') ?? undefined, comment: form.get('comment') ?? undefined };
    try {
      const done = await answerSurvey(deps, token, { ...values, formKey: form.get('formKey') ?? undefined });
      if (!done.ok) return refuse(CLOSED[done.reason].status, CLOSED[done.reason].key, locale);
      return html(res, 200, surveyMessageHtml(locale, 'fairness.survey.page.thanks'));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'VALIDATION') throw e;
      // The form again, with what was sent and the problem above it.
      const open = await openSurvey(deps, token);
      if (!open.ok) return refuse(CLOSED[open.reason].status, CLOSED[open.reason].key, locale);
      const key = (e.params.messageId as MessageKey | undefined) ?? 'fairness.survey.page.badRating';
      return html(res, 400, surveyFormHtml(locale, { accountName: open.account.name, formKey: open.survey.formKey, action: url.pathname, error: key, values }));
    }
  };
}
