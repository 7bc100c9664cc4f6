import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { deleteEntry } from '../../src/application/entries/delete-entry.js';
import { editEntry } from '../../src/application/entries/edit-entry.js';
import { decideLateEntry } from '../../src/application/entries/late-entry-decide.js';
import { requestLateEntry } from '../../src/application/entries/late-entry-request.js';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { recentEntries } from '../../src/application/entries/recent-entries.js';
import { isLateEntryError } from '../../src/application/guards.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { aTeam } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person;
let ann: Person;
let bob: Person;
let mgr: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
const SLACK = ['slack'] as const;
const visit = (requestId: string, date = '2026-09-28') => ({ requestId, account: { accountId: 'acme' }, date, purpose: 'Renewal', outcome: 'Agreed' });

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 2026-11-26 in Shanghai: Q3 is the previous quarter
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'mgr', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  [hr, ann, bob, mgr] = [await get('hr'), await get('ann'), await get('bob'), await get('mgr')];
  await openCycle(deps, hr, { period: '2026-Q3', closeDate: '2026-10-10' });
});
afterEach(() => deps.cleanup());

describe('the close date', () => {
  it('refuses an entry past the close date as a late entry, but not one in an open period or before the close date', async () => {
    const e = await refusal(logVisit(deps, ann, visit('r1')));
    expect(isLateEntryError(e)).toBe(true);
    expect(errorText('en', e)).toBe('Entries for 2026-Q3 closed on 2026-10-10. A new entry for that period goes to your manager for approval; an entry already saved can no longer be changed.');
    expect(await deps.store.activities.count()).toBe(0);
    // The current quarter has no cycle: stored as usual.
    expect((await logVisit(deps, ann, visit('r2', '2026-11-20'))).created).toBe(true);
    // Before the close date the same Q3 visit is stored directly.
    deps.clock.set('2026-10-09T02:00:00Z');
    expect((await logVisit(deps, ann, visit('r3'))).created).toBe(true);
  });

  it('locks edits and deletions of an entry of a closed-for-entries period, and hides their buttons', async () => {
    deps.clock.set('2026-10-09T02:00:00Z');
    const { activity } = await logVisit(deps, ann, visit('r1'));
    deps.clock.set('2026-11-26T02:00:00Z');
    const e = await refusal(editEntry(deps, ann, { kind: 'visit', id: activity.id, input: { account: { accountId: 'acme' }, purpose: 'changed' } }));
    expect(errorText('en', e)).toContain('whose entries closed on 2026-10-10: it can no longer be changed. Log the correction as a new entry');
    await refusal(deleteEntry(deps, ann, { kind: 'visit', id: activity.id }));
    expect((await deps.store.activities.get(activity.id))?.purpose).toBe('Renewal');
    const recent = await recentEntries(deps, ann);
    expect(recent.find((r) => r.id === activity.id)?.editable).toBe(false);
  });
});

describe('late entries', () => {
  it('sends a late visit to the manager, who approves it: stored as on time, once, the rep told, audited', async () => {
    const { late, manager, created } = await requestLateEntry(deps, ann, { kind: 'visit', raw: visit('r1'), platforms: SLACK });
    expect(created).toBe(true);
    expect(manager.id).toBe('mgr');
    expect(late).toMatchObject({ periodKey: '2026-Q3', repId: 'ann', managerId: 'mgr', kind: 'visit', state: 'pending', summary: 'Visit to Acme on 2026-09-28' });
    expect(await deps.store.activities.count()).toBe(0);
    const [dm] = await deps.store.outbox.find({ job: 'late-entry' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'slack:UMGR' });
    const buttons = (dm!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => [b.id, b.value])).toEqual([['decide:late.approve', late.id], ['decide:late.decline', late.id]]);
    // The same submission again (a platform retry): nothing new.
    expect((await requestLateEntry(deps, ann, { kind: 'visit', raw: visit('r1'), platforms: SLACK })).created).toBe(false);
    expect(await deps.store.lateEntries.count()).toBe(1);
    expect(await deps.store.outbox.count({ job: 'late-entry' })).toBe(1);

    // bob is not ann's manager, and not HR.
    const no = await refusal(decideLateEntry(deps, bob, { id: late.id, approve: true, platforms: SLACK }));
    expect(errorText('en', no)).toBe('Only mgr (the rep’s manager) or HR can decide this late entry.');

    const { late: approved } = await decideLateEntry(deps, mgr, { id: late.id, approve: true, platforms: SLACK });
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'mgr' });
    const stored = await deps.store.activities.get(approved.recordId!);
    expect(stored).toMatchObject({ repId: 'ann', accountId: 'acme', date: '2026-09-28', purpose: 'Renewal', requestId: `late:${late.id}` });
    const told = (await deps.store.outbox.find({ job: 'late-entry' })).find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UANN');
    expect(told!.message.text).toBe('mgr approved your late entry for 2026-Q3: Visit to Acme on 2026-09-28. It is saved now.');
    const audit = await deps.store.audit.find({});
    expect(audit.filter((a) => a.action.startsWith('entry.late.')).map((a) => [a.action, a.actorId])).toEqual([['entry.late.request', 'ann'], ['entry.late.approve', 'mgr']]);

    const again = await refusal(decideLateEntry(deps, hr, { id: late.id, approve: false, platforms: SLACK }));
    expect(errorText('en', again)).toBe('This late entry was already approved by mgr.');
    expect(await deps.store.activities.count()).toBe(1);
  });

  it('a decline stores nothing and tells the rep; HR may decide too', async () => {
    const { late } = await requestLateEntry(deps, ann, { kind: 'visit', raw: visit('r1'), platforms: SLACK });
    const { late: declined } = await decideLateEntry(deps, hr, { id: late.id, approve: false, platforms: SLACK });
    expect(declined).toMatchObject({ state: 'declined', decidedBy: 'hr' });
    expect(declined.recordId).toBeUndefined();
    expect(await deps.store.activities.count()).toBe(0);
    const told = (await deps.store.outbox.find({ job: 'late-entry' })).find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UANN');
    expect(told!.message.text).toContain('declined your late entry');
    expect((await deps.store.audit.find({})).some((a) => a.action === 'entry.late.decline' && a.subjectId === late.id)).toBe(true);
  });

  it('a late deal with a new account creates the account only on approval, by the team manager when the rep has none', async () => {
    await deps.store.people.put({ ...ann, managerId: undefined });
    ann = await get('ann');
    const raw = { requestId: 'd1', account: { newAccountName: 'Initech', newAccountTier: 'B' }, amount: 5000, units: 2, product: 'Robots', signedDate: '2026-09-30' };
    const e = await refusal(logDeal(deps, ann, raw));
    expect(isLateEntryError(e)).toBe(true);
    const { late, manager } = await requestLateEntry(deps, ann, { kind: 'deal', raw, platforms: SLACK });
    expect(manager.id).toBe('mgr'); // the manager of team east
    expect(late.summary).toBe('Deal with Initech signed 2026-09-30: 5000 CNY (Robots)');
    expect(await deps.store.accounts.count()).toBe(2);
    const { late: approved } = await decideLateEntry(deps, mgr, { id: late.id, approve: true, platforms: SLACK });
    const deal = await deps.store.deals.get(approved.recordId!);
    expect(deal).toMatchObject({ repId: 'ann', amount: 5000, signedDate: '2026-09-30', firstWin: true });
    expect((await deps.store.accounts.get(deal!.accountId))?.name).toBe('Initech');
  });

  it('refuses a rep without a manager, bad input, and an approval after publication', async () => {
    await deps.store.people.put({ ...ann, managerId: undefined });
    await deps.store.teams.put(aTeam({ id: 'east', name: 'East' }));
    const none = await refusal(requestLateEntry(deps, await get('ann'), { kind: 'visit', raw: visit('r1'), platforms: SLACK }));
    expect(errorText('en', none)).toContain('Ask HR to set your manager. Nothing was saved.');
    expect(await deps.store.lateEntries.count()).toBe(0);

    const bad = await refusal(requestLateEntry(deps, bob, { kind: 'visit', raw: { ...visit('r2'), account: { accountId: 'nope' } }, platforms: SLACK }));
    expect(bad.issues[0]?.path).toBe('account');
    expect(await deps.store.lateEntries.count()).toBe(0);

    const { late } = await requestLateEntry(deps, bob, { kind: 'visit', raw: visit('r3'), platforms: SLACK });
    await startReview(deps, hr, { period: '2026-Q3' });
    await deps.store.cycles.put({ ...(await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!, state: 'published' });
    const published = await refusal(decideLateEntry(deps, mgr, { id: late.id, approve: true, platforms: SLACK }));
    expect(errorText('en', published)).toContain('closed for entries');
    expect((await deps.store.lateEntries.get(late.id))?.state).toBe('pending');
    expect(await deps.store.activities.count()).toBe(0);
  });
});
