import type { Locale } from '../../../domain/model/fields.js';
import type { Field, Form, Option } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import { card, escapeMarkdown, markdown, notation, plain, type Card, type CardElement } from './card.js';
import { fitCard } from './fit.js';

/**
 * A neutral form → a card with a form container (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/form-container).
 * Each field is a label, the component named by the field id (so `form_value` comes back keyed by
 * field id, and an error's path points at it) and, after a refused submission, its error in red.
 * Lark cards have no live search (Slack's external_select): a search field is a select filled with
 * `choices` the caller picked (accounts matching the command text, the user's own accounts).
 */

/** What the submit button sends back in `action.value`. */
export interface FormSubmitValue {
  /** Where the submission goes: the form's id, or what the conversation asked for instead (an edit's `edit:<kind>:<id>`). */
  form: string;
  /** The activity kind of a visit form opened from a follow-up reminder. */
  kind?: string;
}

export interface FormCardOptions {
  locale: Locale;
  submit: FormSubmitValue;
  /** Options of the search fields, by field id. */
  choices?: Readonly<Record<string, readonly Option[]>>;
  /** Field id → what is wrong with it (after a refused submission). */
  errors?: Readonly<Record<string, string>>;
  /** A problem no field can show (a refusal), in red above the form. */
  notice?: string;
}

/** Lark's input takes at most 1,000 characters; longer limits are checked again on submit. */
const INPUT_MAX = 1000;
const SELECT_MAX = 100;

const option = (o: Option) => ({ text: plain(o.label, 100), value: o.value });
const red = (text: string): CardElement => markdown(`<font color='red'>${escapeMarkdown(text)}</font>`);

function component(f: Field, opts: FormCardOptions): CardElement | null {
  const required = !f.optional;
  switch (f.type) {
    case 'text':
      return {
        tag: 'input',
        name: f.id,
        required,
        input_type: f.multiline ? 'multiline_text' : 'text',
        ...(f.multiline ? { rows: 3, auto_resize: true } : {}),
        max_length: Math.min(f.maxLength ?? INPUT_MAX, INPUT_MAX),
        ...(f.placeholder ? { placeholder: plain(f.placeholder, 100) } : {}),
        ...(f.initial ? { default_value: f.initial.slice(0, INPUT_MAX) } : {}),
      };
    case 'number':
      return { tag: 'input', name: f.id, required, input_type: 'text', max_length: 30, ...(f.initial !== undefined ? { default_value: String(f.initial) } : {}) };
    case 'date':
      return { tag: 'date_picker', name: f.id, required, ...(f.initial ? { initial_date: f.initial } : {}) };
    case 'select':
      if (f.options.length === 0) return null;
      return {
        tag: 'select_static',
        name: f.id,
        required,
        options: f.options.slice(0, SELECT_MAX).map(option),
        ...(f.initial && f.options.some((o) => o.value === f.initial) ? { initial_option: f.initial } : {}),
      };
    case 'search': {
      const choices = [...(opts.choices?.[f.id] ?? [])];
      if (f.initial && !choices.some((o) => o.value === f.initial!.value)) choices.unshift(f.initial);
      if (choices.length === 0) return null;
      return { tag: 'select_static', name: f.id, required, options: choices.slice(0, SELECT_MAX).map(option), ...(f.initial ? { initial_option: f.initial.value } : {}) };
    }
  }
}

function fieldElements(f: Field, opts: FormCardOptions): CardElement[] {
  const label = `**${escapeMarkdown(f.label)}**${f.optional ? ` ${t(opts.locale, 'form.optional')}` : ''}`;
  const el = component(f, opts);
  const error = opts.errors?.[f.id];
  return [
    markdown(label),
    ...(el ? [el] : [notation(escapeMarkdown(t(opts.locale, 'lark.noChoices')))]),
    ...(f.hint ? [notation(escapeMarkdown(f.hint))] : []),
    ...(error ? [red(error)] : []),
  ];
}

export function formToCard(form: Form, opts: FormCardOptions): Card {
  const submit: CardElement = {
    tag: 'button',
    name: 'submit',
    text: plain(form.submitLabel, 40),
    type: 'primary',
    form_action_type: 'submit',
    behaviors: [{ type: 'callback', value: { ...opts.submit } }],
  };
  return fitCard(
    card(form.title, [
      ...(opts.notice ? [red(opts.notice)] : []),
      ...(form.intro ? [markdown(escapeMarkdown(form.intro))] : []),
      { tag: 'form', name: `form_${form.id}`, elements: [...form.fields.flatMap((f) => fieldElements(f, opts)), submit] },
    ]),
  );
}
