import { accountTiersOf } from '../../domain/model/template.js';
import { ensureDefaultTemplate } from '../templates.js';
import { accountNameKey, AccountSchema, type Account } from '../../domain/model/accounts.js';
import * as cell from './import-csv-cells.js';
import { RowCells } from './import-csv-issues.js';
import { checkRecord, compact, personLookup, sameRecord, type Planner } from './import-csv-plan.js';

const COLUMN_OF: Record<string, string> = { name: 'name', nameKey: 'name', tier: 'tier', industry: 'industry', ownerId: 'owner', firstWonDate: 'first_won_date' };

/**
 * Accounts, matched by name ignoring case and spacing (the stored name keeps its spelling). The
 * owner must already be a person. A first-won date only ever moves earlier: a win recorded by a
 * deal stays unless the file knows of an earlier one (won before the bot was used), and then who
 * won it is no longer known.
 */
export const planAccounts: Planner = async (deps, _actor, sheet, log) => {
  const now = deps.clock.now().toISOString();
  const keys = [...new Set(sheet.rows.map((r) => accountNameKey(r.cells.get('name') ?? '')).filter(Boolean))];
  const stored = new Map((await deps.store.accounts.find({ nameKey: { in: keys } })).map((a) => [a.nameKey, a]));
  const personOf = personLookup(deps);
  const tierCell = cell.tierOf(accountTiersOf(await ensureDefaultTemplate(deps)).map((a) => a.tier));

  const creates: Account[] = [];
  const updates: Account[] = [];
  let unchanged = 0;
  const lineOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const c = new RowCells(row, log);
    const name = c.need('name', cell.text(200));
    const tier = c.need('tier', tierCell);
    const industry = c.read('industry', cell.text(100));
    const owner = c.read('owner', cell.identity);
    const firstWon = c.read('first_won_date', cell.date);
    if (name === undefined) continue;
    const nameKey = accountNameKey(name);
    const twin = lineOf.get(nameKey);
    if (twin !== undefined) {
      c.fail('name', `'${name}' is already on line ${twin}`);
      continue;
    }
    lineOf.set(nameKey, c.line);
    const existing = stored.get(nameKey);

    let ownerId = owner === undefined ? existing?.ownerId : undefined;
    if (owner) {
      const person = await personOf(owner);
      ownerId = person ? person.id : c.fail('owner', `no person with identity ${owner}`);
    }
    const keepWin = !firstWon || (existing?.firstWonDate !== undefined && existing.firstWonDate <= firstWon);
    const record = compact({
      ...(existing ?? { id: deps.newId(), name, nameKey, createdAt: now }),
      tier,
      industry: industry === undefined ? existing?.industry : (industry ?? undefined),
      ownerId,
      firstWonDate: keepWin ? existing?.firstWonDate : firstWon,
      firstWonBy: keepWin ? existing?.firstWonBy : undefined,
    });
    if (!c.ok) continue;
    const account = checkRecord(AccountSchema, record, c, COLUMN_OF);
    if (!account) continue;
    if (!existing) creates.push(account);
    else if (sameRecord(account, existing)) unchanged++;
    else updates.push(account);
  }

  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    async write() {
      await deps.store.accounts.insertMany(creates);
      for (const a of updates) await deps.store.accounts.put(a);
    },
  };
};
