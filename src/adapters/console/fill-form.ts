import type { AppDeps } from '../../application/deps.js';
import type { Locale } from '../../domain/model/fields.js';
import { parseTypedNumber } from '../../chat/forms/form-reader.js';
import type { ChatAnswer } from '../../chat/port.js';
import { isLocalDate } from '../../domain/dates.js';
import type { Field, Form, FormValues } from '../../views/forms/form.js';
import { t } from '../../views/i18n.js';
import { accountLabel } from '../../views/labels.js';
import type { Prompt } from './prompt.js';

export const CANCEL = '/cancel';

/** One field as a question: label, hint, choices, default. Returns the answer (undefined = empty). */
async function askField(deps: Pick<AppDeps, 'store'>, prompt: Prompt, field: Field, locale: Locale): Promise<string | undefined | typeof CANCEL> {
  const optional = field.optional ? ` (${t(locale, 'console.optional')})` : '';
  const hint = field.hint ? `\n  ${field.hint}` : '';
  let choices: { value: string; label: string }[] = [];
  let fallback: string | undefined;
  if (field.type === 'select') {
    choices = field.options;
    fallback = field.initial;
  } else if (field.type === 'search') {
    fallback = field.initial?.value;
  } else if (field.type === 'text' || field.type === 'date') {
    fallback = field.initial;
  } else if (field.type === 'number' && field.initial !== undefined) {
    fallback = String(field.initial);
  }
  const shownDefault = field.type === 'search' ? field.initial?.label : choices.find((c) => c.value === fallback)?.label ?? fallback;
  if (choices.length > 0) prompt.say(choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n'));
  const answer = await prompt.ask(`${field.label}${optional}${shownDefault ? ` [${shownDefault}]` : ''}${hint}\n> `);
  // /quit and /exit inside a form stop the form too (they are never a field's value).
  if (answer === null || /^\/(cancel|quit|exit)\s*$/i.test(answer.trim())) return CANCEL;
  const text = answer.trim();
  if (text === '') return fallback;
  if (choices.length > 0) {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1]!.value;
    const chosen = choices.find((c) => c.value.toLowerCase() === text.toLowerCase() || c.label.toLowerCase() === text.toLowerCase());
    if (chosen) return chosen.value;
    // Checked as it is given, with the choices as the reader sees them (not their ids).
    prompt.say(`✗ ${t(locale, 'console.chooseOne', { choices: choices.map((c, i) => `${i + 1}. ${c.label}`).join('  ') })}`);
    return askField(deps, prompt, field, locale);
  }
  if (field.type === 'number' && Number.isNaN(parseTypedNumber(text))) {
    prompt.say(`✗ ${t(locale, 'form.error.number')}`);
    return askField(deps, prompt, field, locale);
  }
  if (field.type === 'date' && !isLocalDate(text)) {
    prompt.say(`✗ ${t(locale, 'console.dateFormat')}`);
    return askField(deps, prompt, field, locale);
  }
  if (field.type === 'search') {
    // Searchable account: show the matches and let the user pick one.
    const matches = await deps.store.searchAccounts(text, 9);
    if (matches.length === 0) {
      prompt.say(t(locale, 'console.noMatch', { text }));
      return askField(deps, prompt, field, locale);
    }
    if (matches.length === 1) return matches[0]!.id;
    prompt.say(matches.map((a, i) => `  ${i + 1}. ${accountLabel(locale, a)}`).join('\n'));
    const pick = Number((await prompt.ask(`${t(locale, 'console.pick')} `))?.trim());
    return Number.isInteger(pick) && pick >= 1 && pick <= matches.length ? matches[pick - 1]!.id : askField(deps, prompt, field, locale);
  }
  return text;
}

/**
 * Fills a form in the terminal: each field as a question, then `submit` (the conversation port).
 * When the submission is refused with field problems, says them (the same messages as the chat
 * platforms) and asks those fields again; when the store refused it (nothing wrong with the input),
 * says why and offers to send the same answers again. Returns the answer, or null when the user cancelled.
 */
export async function fillForm(deps: Pick<AppDeps, 'store'>, prompt: Prompt, form: Form, locale: Locale, submit: (values: FormValues) => Promise<ChatAnswer>): Promise<ChatAnswer | null> {
  prompt.say(`\n${form.title}  (${t(locale, 'console.cancelHint', { cancel: CANCEL })})`);
  if (form.intro) prompt.say(form.intro);
  const values: Record<string, string | undefined> = {};
  let toAsk: Field[] = form.fields;
  for (;;) {
    for (const field of toAsk) {
      // A field that does not apply to what was answered is not asked (a new account's name once an account was chosen).
      if (field.onlyWithout && values[field.onlyWithout] !== undefined) {
        values[field.id] = undefined;
        continue;
      }
      const answer = await askField(deps, prompt, field, locale);
      if (answer === CANCEL) return null;
      values[field.id] = answer;
    }
    const answer = await submit(values);
    const errors = answer.refused?.fieldErrors ?? {};
    const known = form.fields.filter((f) => errors[f.id] !== undefined);
    if (known.length === 0 && answer.refused?.retry) {
      // The store said no for a reason that is not the input: the answers are kept, to send again.
      prompt.say(`✗ ${answer.refused.reason}`);
      const again = await prompt.ask(`${t(locale, 'console.sendAgain')} `);
      if (again === null || /^n/i.test(again.trim())) return answer;
      toAsk = [];
      continue;
    }
    if (known.length === 0) return answer;
    prompt.say(known.map((f) => `✗ ${f.label}: ${errors[f.id]}`).join('\n'));
    toAsk = known;
  }
}
