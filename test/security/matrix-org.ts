import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { grantAward } from '../../src/application/cycle/award-grant.js';
import type { AppDeps } from '../../src/application/deps.js';
import { logInterview } from '../../src/application/interviews/log-interview.js';
import { fileAppeal } from '../../src/application/cycle/appeal-file.js';
import { currentTemplate } from '../../src/application/template-admin.js';
import type { Locale } from '../../src/domain/model/fields.js';
import type { Person } from '../../src/domain/model/people.js';
import { aDeal, anAbsence, anAccount, anAdjustment, aTeam } from '../helpers/builders.js';
import { person, visits } from '../helpers/org.js';

/**
 * The organisation of the role × command matrix, on top of smallOrg (test/helpers/org.ts): one
 * person per role, each known on both platforms, and the state a command needs to be answered
 * normally (a published quarter to appeal and export, a quarter in review to adjust and publish,
 * a pending award, a late entry, an improvement plan to acknowledge).
 */

/** The roles of the matrix. Roles are a set: a player-coach manages a team and sells in it. */
export const ROLES = ['repEast', 'repWest', 'mgrEast', 'mgrWest', 'admin', 'hr', 'coach', 'adminHr', 'newcomer'] as const;
export type MatrixRole = (typeof ROLES)[number];

/**
 * Roles held together by one person, as companies have them: the first administrator of a small
 * company is also its HR. Such a person is answered wherever any of their roles is (the union),
 * and where none is, refused as those roles are.
 */
export const HOLDS: Partial<Record<MatrixRole, readonly MatrixRole[]>> = { adminHr: ['admin', 'hr'] };

export interface RoleUser {
  /** The stored person; none for the newcomer, who is registered by their first message. */
  personId?: string;
  slack: string;
  lark: string;
  /** The language their answers come in (Slack: from users.info; Lark: as stored). */
  locale: Locale;
  /** Slack's users.info locale. */
  slackLocale: string;
  name: string;
}

/**
 * Who plays each role. ann (rep of East, manager mgr) and the people of smallOrg keep their
 * harness identities; mgr2, adm, coach and admhr (administrator and HR) are added here. Some speak Chinese so that refusals are
 * checked in both languages.
 */
export const PEOPLE: Record<Exclude<MatrixRole, 'newcomer'>, RoleUser> = {
  repEast: { personId: 'ann', slack: 'UANN', lark: 'ou_annlee', locale: 'en', slackLocale: 'en-US', name: 'Ann Lee' },
  repWest: { personId: 'cat', slack: 'UCAT', lark: 'ou_catxu', locale: 'en', slackLocale: 'en-US', name: 'Cat Xu' },
  mgrEast: { personId: 'mgr', slack: 'UMGR', lark: 'ou_miamgr', locale: 'en', slackLocale: 'en-US', name: 'Mia Manager' },
  mgrWest: { personId: 'mgr2', slack: 'UMGR2', lark: 'ou_mgrwest2', locale: 'zh-CN', slackLocale: 'zh-CN', name: 'Wang West' },
  admin: { personId: 'adm', slack: 'UADMIN', lark: 'ou_adaadmin', locale: 'en', slackLocale: 'en-US', name: 'Ada Admin' },
  hr: { personId: 'hr', slack: 'UHR', lark: 'ou_hanahr', locale: 'en', slackLocale: 'en-US', name: 'Hana HR' },
  coach: { personId: 'coach', slack: 'UCOACH', lark: 'ou_coachpc', locale: 'zh-CN', slackLocale: 'zh-CN', name: 'Kai Coach' },
  adminHr: { personId: 'admhr', slack: 'UADMHR', lark: 'ou_admhr01', locale: 'en', slackLocale: 'en-US', name: 'Lin Admin-HR' },
};

let newcomers = 0;

/**
 * A never-enrolled user, new for every case: their first message registers them (as a rep with no
 * team, today's behaviour), so each case meets a true first contact. Chinese, like Lark's default.
 */
export function newcomer(): RoleUser {
  const n = ++newcomers;
  return { slack: `UNEW${n}`, lark: `ou_newbie${n}`, locale: 'zh-CN', slackLocale: 'zh-CN', name: `Newbie ${n}` };
}

/** Ids the fixture creates that cases point at (buttons carry them as values). */
export const IDS = {
  award: 'award-pending',
  adjustment: 'adjust-pending',
  leave: 'leave-pending',
  appeal: 'appeal-pending',
  late: 'late-pending',
  annVisit: 'ann-v0',
  annDeal: 'ann-deal',
} as const;

/** What cases need from the fixture that only exists once it is built. */
export interface CaseContext {
  planId: string;
  /** The current template as `template export` gives it, renamed: a valid `template import`. */
  templateJson: string;
}

export const HR_ID = 'hr';

/**
 * Adds the matrix's people to a harness's smallOrg (its identities for `platform`) and builds the
 * state described above through the use cases, as HR and the managers would.
 */
export async function seedMatrixOrg(deps: AppDeps, platform: 'slack' | 'lark'): Promise<CaseContext> {
  const store = deps.store;
  // Survey links need the bot's public address (PUBLIC_URL).
  deps.settings.publicUrl = 'https://appraisal.example.com';
  await store.teams.put(aTeam({ id: 'north', name: 'North' }));
  const extra: Person[] = [
    person('mgr2', { name: PEOPLE.mgrWest.name, roles: ['manager'], teamId: 'west', locale: 'zh-CN' }),
    person('adm', { name: PEOPLE.admin.name, roles: ['admin'] }),
    person('coach', { name: PEOPLE.coach.name, roles: ['manager', 'rep'], teamId: 'north', locale: 'zh-CN' }),
    person('admhr', { name: PEOPLE.adminHr.name, roles: ['hr', 'admin'] }),
  ];
  for (const p of extra) {
    const old = await store.people.get(p.id);
    const role = (Object.values(PEOPLE) as RoleUser[]).find((u) => u.personId === p.id)!;
    await store.people.put({ ...(old ?? p), ...p, identities: [...(old?.identities ?? []), `${platform}:${role[platform]}`] });
  }
  await store.teams.put(aTeam({ id: 'north', name: 'North', managerId: 'coach' }));
  await store.accounts.put(anAccount({ id: 'initech', name: 'Initech', tier: 'B', ownerId: 'coach' }));

  // Activity in the published quarter and the current one, so every rep has a result and a scorecard.
  for (const [rep, account] of [['ann', 'acme'], ['cat', 'acme'], ['coach', 'initech'], ['bob', 'globex']] as const) {
    await store.activities.insertMany(visits(rep, account, 4, '2026-08-03', `${rep}-q3-`));
    await store.activities.insertMany(visits(rep, account, 3, '2026-10-05', `${rep}-v`));
  }

  const hr = (await store.people.get(HR_ID))!;
  const mgr = (await store.people.get('mgr'))!;
  const ann = (await store.people.get('ann'))!;
  const platforms = [platform];
  await openCycle(deps, hr, { period: '2026-Q3' });
  await startReview(deps, hr, { period: '2026-Q3' });
  await publishResults(deps, hr, { period: '2026-Q3', platforms });
  await openCycle(deps, hr, { period: '2026-Q4' });
  // 2026-Q4 is still running on the matrix's day: HR reviews it early, with a reason (issue 14).
  await startReview(deps, hr, { period: '2026-Q4', early: 'the role matrix needs a quarter in review' });

  const { award } = await grantAward(deps, mgr, { rep: ann, title: 'Rising star', reason: 'Opened three new doors this quarter', period: '2026-Q4', platforms });
  await store.awards.delete(award.id);
  await store.awards.put({ ...award, id: IDS.award });

  // mgr's proposed +2 for ann in 2026-Q4, waiting for HR.
  await store.adjustments.insert(anAdjustment({ id: IDS.adjustment, periodKey: '2026-Q4', repId: 'ann', delta: 2, reason: 'Key-account workshop not captured by the CRM', byId: 'mgr', state: 'pending' }));

  // ann's own leave, waiting for mgr (or HR) to approve it.
  await store.absences.insert(anAbsence({ id: IDS.leave, personId: 'ann', from: '2026-12-14', to: '2026-12-31', note: 'Annual leave', createdBy: 'ann', approval: 'pending' }));

  await store.lateEntries.insert({
    id: IDS.late,
    periodKey: '2026-Q4',
    repId: 'ann',
    managerId: 'mgr',
    kind: 'intel',
    input: { topic: 'Rival price cut', text: 'Globex heard of a 10% cut by a rival' },
    summary: 'Intel: Rival price cut',
    state: 'pending',
    createdAt: deps.clock.now().toISOString(),
  });

  // ann's open deal (to pay against) and bob's pending appeal of 2026-Q3 (for HR to decide).
  await store.deals.insert(aDeal({ id: IDS.annDeal, repId: 'ann', accountId: 'acme', amountBase: 10_000, units: 5, product: 'Robots', signedDate: '2026-11-02', dueDate: '2026-12-02' }));
  const bob = (await store.people.get('bob'))!;
  const { appeal } = await fileAppeal(deps, bob, { period: '2026-Q3', reason: 'Two September visits are missing from my count', platforms });
  await store.appeals.delete(appeal.id);
  await store.appeals.put({ ...appeal, id: IDS.appeal });

  const { plan } = await logInterview(deps, mgr, { rep: ann, period: '2026-Q3', notes: 'Good quarter', repView: 'Agreed', goals: [], platforms });
  // What the seeding queued is not what a case sends.
  for (const o of await store.outbox.find()) await store.outbox.delete(o.id);
  const { id: _id, key: _key, version: _version, createdAt: _at, createdBy: _by, ...editable } = await currentTemplate(deps, hr);
  return { planId: plan.id, templateJson: JSON.stringify({ ...editable, name: `${editable.name} (edited)` }) };
}
