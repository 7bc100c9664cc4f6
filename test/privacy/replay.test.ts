import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/records.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { aDeal } from '../helpers/builders.js';
import { visits } from '../helpers/org.js';
import { ADMIN, buttonClick, SECRET, startHarness, VISIT_VALUES, type Harness } from '../slack/harness.js';
import { commandBody, payloadBody, postSigned, viewSubmission } from '../slack/signing.js';

/**
 * Issue 13: a request replayed inside Slack's 5-minute window (the same signed body, three times)
 * has one effect. Every state-changing command, a decision button and an entry form, through
 * signed HTTP; the store is compared collection by collection after the first and the third post.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await h.deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  h.fake.addUser({ id: ADMIN, name: 'Ada Admin', locale: 'en-US' });
});
afterEach(() => h.close());

/** What a replay could change: every collection but the request log itself and the job leases. */
const SKIP: CollectionName[] = ['processedEvents', 'leases'];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of COLLECTION_NAMES) if (!SKIP.includes(name)) out[name] = await h.deps.store[name].count();
  return out;
}

let n = 0;
/** Posts one signed slash command three times (same body, same trigger_id) and checks it acted once. */
async function thrice(user: string, command: string, text: string, expectEffect = true): Promise<string> {
  const id = `replay-${++n}`;
  const body = commandBody({ command, text, user_id: user, trigger_id: `${id}.trigger`, response_url: h.fake.responseUrl(id) });
  const before = await counts();
  expect((await postSigned(h.url, SECRET, body)).status).toBe(200);
  const once = await counts();
  if (expectEffect) expect(once, `${command} ${text} changed nothing`).not.toEqual(before);
  for (let i = 0; i < 2; i++) expect((await postSigned(h.url, SECRET, body)).status).toBe(200);
  expect(await counts(), `${command} ${text} replayed`).toEqual(once);
  const answers = h.fake.responses.filter((r) => r.id === id).map((r) => JSON.stringify(r.body));
  expect(answers.length).toBe(3);
  // A replay gets the first answer, not a refusal ("already open", "already decided" …).
  expect(new Set(answers).size).toBe(1);
  return answers[0]!;
}

describe('a replayed request acts once', () => {
  it('/adjust and /award: one command and two replays store one adjustment and one award', async () => {
    await thrice('UHR', '/cycle', 'open 2026-Q3');
    await thrice('UHR', '/cycle', 'review 2026-Q3');
    // A manager's adjustment is a proposal for HR (issue 14): still stored once.
    expect(await thrice('UMGR', '/adjust', '<@UANN|ann> -2 duplicate visits removed after review')).toContain('Proposed −2');
    expect(await h.deps.store.adjustments.count()).toBe(1);
    await thrice('UMGR', '/award', '<@UANN|ann> Deal of the quarter: won the Acme framework deal');
    expect(await h.deps.store.awards.count()).toBe(1);
  });

  it('/cycle plan, targets, open, review, publish, close; /publish-results; /appeal; /interview', async () => {
    await thrice('UHR', '/cycle', 'plan 2027-Q1');
    await thrice('UHR', '/cycle', 'targets 2027-Q1 visits 40 team East');
    await thrice('UHR', '/cycle', 'open 2026-Q3');
    await thrice('UHR', '/cycle', 'review 2026-Q3');
    await thrice('UHR', '/publish-results', '2026-Q3 confirm');
    expect(await h.deps.store.results.count({ periodKey: '2026-Q3' })).toBe(2);
    await thrice('UANN', '/appeal', 'the Acme deal should have counted in Q3');
    expect(await h.deps.store.appeals.count()).toBe(1);
    const [appeal] = await h.deps.store.appeals.find();
    await thrice('UHR', '/appeal', `reject ${appeal!.id} the deal was signed in October`);
    await thrice('UMGR', '/interview', '<@UANN|ann> 2026-11-30 15:00 Room 2');
    await thrice('UMGR', '/interview', 'log <@UANN|ann>\nnotes: Good quarter, more key-account visits\nview: Agrees, wants help with tenders');
    expect(await h.deps.store.interviews.count()).toBe(1);
    await thrice('UHR', '/cycle', 'close 2026-Q3');
  });

  it('/self-review, /away and /account reassign', async () => {
    await thrice('UHR', '/cycle', 'open 2026-Q4');
    await thrice('UANN', '/self-review', '4 3 5 Strong quarter');
    await thrice('UANN', '/away', '2026-12-01 2026-12-05 annual leave');
    expect(await h.deps.store.absences.count()).toBe(1);
    await thrice('UMGR', '/account', 'reassign acme <@UBOB|bob>: Ann is on a long project');
    expect(await h.deps.store.audit.count({ action: 'account.reassign' })).toBe(1);
  });

  it('/appraisal-admin role, team, channel, ranking, policy and template', async () => {
    await thrice(ADMIN, '/appraisal-admin', 'role <@UBOB|bob> manager confirm');
    await thrice(ADMIN, '/appraisal-admin', 'team <@UCAT|cat> East confirm');
    await thrice(ADMIN, '/appraisal-admin', 'channel results <#CRESULTS|results>');
    await thrice('UHR', '/appraisal-admin', 'ranking rank_only');
    await thrice('UHR', '/appraisal-admin', 'policy bonus 20000');
    await thrice('UHR', '/appraisal-admin', 'template coverage 10');
    expect(await h.deps.store.audit.count({ action: 'setting.change' })).toBe(3);
  });

  it('a decision button clicked once and replayed twice decides once, and answers the same', async () => {
    await thrice('UHR', '/cycle', 'open 2026-Q3');
    await thrice('UHR', '/cycle', 'review 2026-Q3');
    await thrice('UMGR', '/award', '<@UANN|ann> Deal of the quarter: won the Acme framework deal');
    const [award] = await h.deps.store.awards.find();
    const body = payloadBody(buttonClick('UHR', 'decide:award.approve', award!.id, { dm: 'DUHR', ts: '5.2' }));
    const before = await counts();
    for (let i = 0; i < 3; i++) expect((await postSigned(h.url, SECRET, body)).status).toBe(200);
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 3, 'three answers');
    expect(new Set(h.fake.callsTo('chat.update').map((c) => c.params.text))).toEqual(new Set(['Approved by Hana HR: "Deal of the quarter" for ann (2026-Q3).']));
    expect((await h.deps.store.awards.get(award!.id))!.state).toBe('approved');
    expect((await counts()).audit! - before.audit!).toBe(1);
  });

  it('an entry form submitted once and replayed twice stores one visit', async () => {
    const body = payloadBody(viewSubmission({ user: 'UANN', form: 'visit', triggerId: 'tr-visit', viewId: 'VREPLAY', privateMetadata: JSON.stringify({ r: h.fake.responseUrl('form'), c: 'C0SALES' }), values: VISIT_VALUES }));
    const before = await h.deps.store.activities.count();
    for (let i = 0; i < 3; i++) expect((await postSigned(h.url, SECRET, body)).status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(before + 1);
  });

  it('a request that was refused is not remembered: the corrected retry of a new request works', async () => {
    await thrice('UHR', '/cycle', 'open 2026-Q3');
    await thrice('UHR', '/cycle', 'review 2026-Q3');
    const refused = await thrice('UMGR', '/adjust', '<@UANN|ann> -2 short', false);
    expect(refused).toContain('reason');
    expect(await h.deps.store.adjustments.count()).toBe(0);
    await thrice('UMGR', '/adjust', '<@UANN|ann> -2 duplicate visits removed after review');
    expect(await h.deps.store.adjustments.count()).toBe(1);
  });

  it('the interview form submitted once and replayed twice logs one interview, one plan, one notice', async () => {
    const fresh = await startHarness();
    try {
      await addQ3Data(fresh.deps);
      await publishQ3(fresh.deps, (await fresh.deps.store.people.get('hr'))!);
      await fresh.command('UMGR', '/interview', 'log <@UANN|ann>');
      const open = fresh.fake.callsTo('views.open').at(-1)!.params as { view: { private_metadata: string } };
      const body = payloadBody(
        viewSubmission({
          user: 'UMGR', form: 'interview', triggerId: 'tr-interview', viewId: 'VINTERVIEW', privateMetadata: open.view.private_metadata,
          values: { notes: { text: 'Strong deals, visits slipped in August' }, view: { text: 'Agrees' }, goals: { text: 'Two strategic visits a week by 2026-12-31' } },
        }),
      );
      const snapshot = async () => Promise.all((['interviews', 'plans', 'audit', 'outbox'] as const).map((c) => fresh.deps.store[c].count()));
      expect((await postSigned(fresh.url, SECRET, body)).status).toBe(200);
      const once = await snapshot();
      expect(await fresh.deps.store.plans.count()).toBe(1);
      for (let i = 0; i < 2; i++) expect((await postSigned(fresh.url, SECRET, body)).status).toBe(200);
      expect(await snapshot()).toEqual(once);
    } finally {
      await fresh.close();
    }
  });
});
