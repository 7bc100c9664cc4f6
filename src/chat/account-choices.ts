import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import type { Option } from '../views/forms/form.js';
import { accountLabel } from '../views/labels.js';

/**
 * Accounts to offer in a form on a platform without a live search (Lark cards; Slack searches as
 * the user types): the chosen ones first, then the best matches for what the user typed (the
 * command's text, a name they tried), then their own accounts, then any others, up to `limit`.
 */
export async function accountChoices(
  deps: AppDeps,
  actor: Person,
  input: { queries?: readonly (string | undefined)[]; chosen?: readonly (string | undefined)[] },
  limit = 50,
): Promise<Option[]> {
  const out = new Map<string, Option>();
  const add = (a: { id: string; name: string; tier: string } | null) => {
    if (a && out.size < limit && !out.has(a.id)) out.set(a.id, { value: a.id, label: accountLabel(actor.locale, a) });
  };
  for (const id of input.chosen ?? []) if (id) add(await deps.store.accounts.get(id));
  for (const q of input.queries ?? []) if (q?.trim()) (await deps.store.searchAccounts(q.trim(), limit)).forEach(add);
  (await deps.store.accounts.find({ ownerId: actor.id }, { limit })).forEach(add);
  if (out.size < limit) (await deps.store.searchAccounts('', limit)).forEach(add);
  return [...out.values()];
}
