import type { AppDeps } from '../application/deps.js';
import { today } from '../application/guards.js';
import { ensureDefaultTemplate } from '../application/templates.js';
import type { Person } from '../domain/model/people.js';
import { accountTiersOf } from '../domain/model/template.js';
import type { FormContext } from '../views/forms/form.js';

/** What every form is built with: the reader's language, today, the base currency, the template's account tiers. */
export async function formContext(deps: AppDeps, actor: Person): Promise<FormContext> {
  const tiers = accountTiersOf(await ensureDefaultTemplate(deps)).map((a) => a.tier);
  return { locale: actor.locale, today: today(deps), baseCurrency: deps.settings.baseCurrency, accountTiers: tiers };
}
