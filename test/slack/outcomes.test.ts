import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/**
 * From behaviour to outcome (issue 8) through Slack: the scorecard's conversion and follow-up
 * analysis, and an account's chain visits → deals → payments. Today is 26 November 2026.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // ann: acme visited 5 Oct (next step "quote") and 10 Oct (none), a deal signed 20 Oct, ¥300k of it paid;
  // initech visited 8 Oct, nothing since: no follow-up within 30 days, no deal.
  await h.deps.store.accounts.insert({ id: 'initech', name: 'Initech', nameKey: 'initech', tier: 'B', ownerId: 'ann', createdAt: T0 });
  await h.deps.store.activities.insertMany([
    { ...visits('ann', 'acme', 1, '2026-10-05', 'a')[0]!, nextStep: 'quote', nextStepDate: '2026-10-12' },
    visits('ann', 'acme', 1, '2026-10-10', 'b')[0]!,
    { ...visits('ann', 'initech', 1, '2026-10-08', 'c')[0]!, nextStep: 'demo' },
  ]);
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 800_000, currency: 'CNY', amountBase: 800_000, units: 10, product: 'Robots', signedDate: '2026-10-20', dueDate: '2026-11-20', createdAt: T0,
  });
  await h.deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 300_000, amountBase: 300_000, dueDate: '2026-11-20', receivedDate: '2026-11-15', createdAt: T0 });
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('behaviour → outcome in Slack', () => {
  it('the scorecard explains conversion, missing next steps and missing follow-ups, not scored', async () => {
    await h.command('UANN', '/scorecard', '');
    const text = allText(last());
    expect(text).toContain('Visit-to-deal conversion: 1 of the 2 accounts visited signed a deal in 2026-Q4 after the first visit (50%).');
    expect(text).toContain('Visits with no next step recorded: 1 of 3.');
    // acme's 10 Oct visit is followed by nothing within 30 days either (the deal is not an activity).
    expect(text).toContain('Visits with no follow-up on the account within 30 days: 2.');
    expect(text).toContain('not part of the score');
  });

  it('shows an account’s chain to its owner and their manager, not to a colleague', async () => {
    await h.command('UANN', '/account', 'show Acme');
    const text = allText(last());
    expect(text).toContain('Acme (A)');
    expect(text).toContain('Last 12 months');
    expect(text).toContain('¥800K');
    expect(text).toContain('¥300K');
    await h.command('UMGR', '/account', 'show acme');
    expect(allText(last())).toContain('Owner: Ann Lee');
    await h.command('UCAT', '/account', 'show acme');
    expect(last().text).toContain('You may see the accounts you own');
  });
});
