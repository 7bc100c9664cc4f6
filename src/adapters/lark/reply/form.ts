import { accountChoices } from '../../../chat/account-choices.js';
import type { FormToOpen } from '../../../chat/port.js';
import type { Person } from '../../../domain/model/people.js';
import { withInitial } from '../../../views/forms/fields.js';
import type { FormValues, Option } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import type { LarkContext } from '../context.js';
import type { Card } from '../render/card.js';
import { formToCard } from '../render/form-card.js';

export interface FormCardState {
  /** What the user typed that may name an account (the command's words). */
  query?: string;
  /** Submitted values, shown again after a refusal. */
  values?: FormValues;
  errors?: Record<string, string>;
  notice?: string;
}

/**
 * A form the conversation opens, as a card. Its submit button carries where the submission goes
 * (`as`, e.g. an edit's `edit:<kind>:<id>`, else the form's id) and the `kind` riding along. Search
 * fields become selects of accounts chosen for this user: the ones already chosen, matches for the
 * command's words or for a new-account name that turned out to exist, the user's own, then others
 * (chat/account-choices.ts).
 */
export async function formCard(ctx: LarkContext, actor: Person, open: FormToOpen, state: FormCardState = {}): Promise<Card> {
  const { form } = open;
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
      submit: { form: open.as ?? form.id, ...(open.kind ? { kind: open.kind } : {}) },
      choices,
      ...(state.errors ? { errors: state.errors } : {}),
      ...(state.notice ? { notice: state.notice } : {}),
    },
  );
}
