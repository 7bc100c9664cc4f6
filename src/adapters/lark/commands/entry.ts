import { accountChoices } from '../../../chat/account-choices.js';
import { entryForm, formCanOpen } from '../../../chat/entry-forms.js';
import type { EntryCommand } from '../../../chat/commands.js';
import type { Person } from '../../../domain/model/people.js';
import { withInitial } from '../../../views/forms/fields.js';
import type { Form, FormValues, Option } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import type { LarkContext } from '../context.js';
import { textCard, type Card } from '../render/card.js';
import { formToCard } from '../render/form-card.js';

export interface FormCardState {
  /** What the user typed that may name an account (the command's text). */
  query?: string;
  /** Submitted values, shown again after a refusal. */
  values?: FormValues;
  errors?: Record<string, string>;
  notice?: string;
  kind?: string;
}

/**
 * A form as a card. Search fields become selects of accounts chosen for this user: the ones already
 * chosen, matches for the command's text or for a new-account name that turned out to exist, the
 * user's own, then others (chat/account-choices.ts).
 */
export async function formCard(ctx: LarkContext, actor: Person, form: Form, state: FormCardState = {}): Promise<Card> {
  const choices: Record<string, Option[]> = {};
  for (const f of form.fields) {
    if (f.type !== 'search') continue;
    choices[f.id] = await accountChoices(ctx.deps, actor, {
      queries: [state.query, state.values?.newAccountName],
      chosen: [state.values?.[f.id], f.initial?.value],
    });
  }
  // A card update resets inputs to their defaults: a refused form comes back with what was sent.
  const sent = Object.fromEntries(Object.entries(state.values ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  // Lark's select has no live search: the hint says which accounts are listed and how to find others.
  const fields = withInitial(form.fields, sent).map((f) => (f.type === 'search' ? { ...f, hint: t(actor.locale, 'lark.accountHint') } : f));
  return formToCard(
    { ...form, fields },
    {
      locale: actor.locale,
      submit: { form: form.id, ...(state.kind ? { kind: state.kind } : {}) },
      choices,
      ...(state.errors ? { errors: state.errors } : {}),
      ...(state.notice ? { notice: state.notice } : {}),
    },
  );
}

/** A bare entry command: its form, or why there is none (no open deals, no teammates). */
export async function entryCard(ctx: LarkContext, actor: Person, command: EntryCommand, text: string): Promise<Card> {
  const form = await entryForm(ctx.deps, actor, command, text);
  if (!formCanOpen(form)) return textCard(form.title, form.intro ?? '', 'orange');
  return formCard(ctx, actor, form, { query: text });
}
