import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, VISIT_VALUES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('control, bidi and zero-width characters are normalised on input', () => {
  it('in a visit form: one-line fields lose controls and stray newlines, multi-line ones keep their lines', async () => {
    const res = await h.submit('UANN', 'visit', {
      ...VISIT_VALUES,
      contacts: { text: 'Li\u001b Wei\u202E (CTO), Zhao\u200B Min' },
      purpose: { text: 'Quarterly\u0000 review\nsecond line' },
      outcome: { text: 'Pilot\r\nagreed\u0007\u2066' },
      nextStep: { text: 'Send\tproposal\u009b' },
    });
    expect(res.status).toBe(200);
    const [stored] = await h.deps.store.activities.find({ repId: 'ann' });
    expect(stored).toMatchObject({ contacts: ['Li Wei (CTO)', 'Zhao Min'], purpose: 'Quarterly review second line', outcome: 'Pilot\nagreed', nextStep: 'Send proposal' });
  });

  it('in a new account’s name and a deal’s product', async () => {
    await h.submit('UANN', 'deal', {
      account: undefined, newAccountName: { text: 'Init\u202Eech\nLtd' }, newAccountTier: { option: 'B' },
      amount: { number: '1000' }, currency: { option: 'CNY' }, units: { number: '2' }, product: { text: 'Widget\u0000 Pro' }, signedDate: { date: '2026-11-20' },
    });
    const [deal] = await h.deps.store.deals.find({ repId: 'ann' });
    expect(deal!.product).toBe('Widget Pro');
    expect((await h.deps.store.accounts.get(deal!.accountId))!.name).toBe('Initech Ltd');
  });

  it('in market intel: the topic is one line, the text keeps its paragraphs', async () => {
    await h.submit('UANN', 'intel', { topic: { text: 'Price\nwar\u202E' }, text: { text: 'Rival cut prices.\n\nDetails\u0007 follow.' } });
    const [intel] = await h.deps.store.intel.find({ repId: 'ann' });
    expect(intel).toMatchObject({ topic: 'Price war', text: 'Rival cut prices.\n\nDetails follow.' });
  });

  it('in a profile name taken from Slack’s users.info', async () => {
    h.fake.addUser({ id: 'UEVE', name: 'Eve\u202Egnp.exe\u0000\nSmith' });
    await h.command('UEVE', '/scorecard');
    expect((await h.deps.store.personByIdentity('slack:UEVE'))!.name).toBe('Evegnp.exe Smith');
  });

  it('in an admin’s team name and a CSV import', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'team <@UCAT|cat> North\u0007\u200B confirm');
    const cat = (await h.deps.store.people.get('cat'))!;
    expect((await h.deps.store.teams.get(cat.teamId!))!.name).toBe('North');
    await h.command(ADMIN, '/appraisal-admin', 'import people\nidentity,name,role,team,join_date\nslack:UZED,Zed\u0000 Zh\u202Eang,rep,East,2026-11-02');
    expect((await h.deps.store.personByIdentity('slack:UZED'))!.name).toBe('Zed Zhang');
  });
});
