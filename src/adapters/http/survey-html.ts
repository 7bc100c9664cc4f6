import type { Locale } from '../../domain/model/fields.js';
import { t, type MessageKey } from '../../views/i18n.js';

/**
 * The customer survey page: plain HTML, no script, both languages. Every text that is not a
 * constant (the account's name, a message) is escaped, so an account called `<script>` shows as typed.
 */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (locale: Locale, body: string): string => `<!doctype html>
<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(t(locale, 'fairness.survey.page.title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}fieldset{border:0;padding:0;margin:1rem 0}label{margin-right:1rem}textarea{width:100%}.error{color:#b00020}</style>
</head><body>${body}</body></html>
`;

const scale = (name: 'service' | 'product', chosen: string | undefined): string =>
  [1, 2, 3, 4, 5].map((n) => `<label><input type="radio" name="${name}" value="${n}" required${chosen === String(n) ? ' checked' : ''}> ${n}</label>`).join('');

/** The form: a POST to the same address, carrying the survey's form key back. */
export function surveyFormHtml(locale: Locale, x: { accountName: string; formKey: string; action: string; error?: MessageKey; values?: { service?: string; product?: string; comment?: string } }): string {
  const e = (k: MessageKey, params?: Record<string, string>) => escapeHtml(t(locale, k, params));
  return page(
    locale,
    `<h1>${e('fairness.survey.page.title')}</h1>
<p>${e('fairness.survey.page.intro', { account: x.accountName })}</p>
${x.error ? `<p class="error" role="alert">${e(x.error)}</p>` : ''}
<form method="post" action="${escapeHtml(x.action)}">
<input type="hidden" name="formKey" value="${escapeHtml(x.formKey)}">
<input type="hidden" name="lang" value="${locale}">
<fieldset><legend>${e('fairness.survey.page.service')}</legend>${scale('service', x.values?.service)}</fieldset>
<fieldset><legend>${e('fairness.survey.page.product')}</legend>${scale('product', x.values?.product)}</fieldset>
<p><label for="comment">${e('fairness.survey.page.comment')}</label><br><textarea id="comment" name="comment" rows="4" maxlength="4000">${escapeHtml(x.values?.comment ?? '')}</textarea></p>
<p><button type="submit">${e('fairness.survey.page.submit')}</button></p>
</form>`,
  );
}

/** A page with one sentence: thanks, or why the link cannot be answered. */
export const surveyMessageHtml = (locale: Locale, key: MessageKey): string => page(locale, `<h1>${escapeHtml(t(locale, 'fairness.survey.page.title'))}</h1>\n<p>${escapeHtml(t(locale, key))}</p>`);
