import { groupDigest, type DigestMember } from '../../domain/scoring/digest.js';
import { findDormantAccounts } from '../accounts/dormant-accounts.js';
import { repOutcomes } from '../accounts/rep-outcomes.js';
import { parsePeriod, previousPeriod, quarterOf } from '../../domain/period.js';
import { nextWorkDay } from '../../domain/work-calendar.js';
import { quarterCompanyDigestView, quarterTeamDigestView, type TeamSection } from '../../views/digest-views.js';
import type { View } from '../../views/view.js';
import type { Delivery } from '../delivery/enqueue.js';
import { pastTotals, type PastTotals } from '../past-totals.js';
import { scorePeriod, type ScoredRep } from '../score-period.js';
import { digestReaders, dmOf, groupByTeam } from './digest-audience.js';
import type { Job } from './job.js';

/** A scored rep as a digest member, with their total of the previous period when graded (as published, when it was). */
const memberOf = (s: ScoredRep, previous: PastTotals): DigestMember => ({
  repId: s.rep.id,
  name: s.rep.name,
  total: s.card.noData ? null : s.card.total,
  grade: s.card.noData ? null : s.card.grade,
  previous: previous.totals.get(s.rep.id)?.total ?? null,
});

/**
 * The first work day of each quarter: every manager gets the review digest of the quarter just
 * ended for the team(s) they manage — scorecards, grade distribution, movers against the previous
 * quarter and the team average, outliers, who lacks data — by DM at 09:00 their time; HR gets the
 * company-wide version. The quarter is scored once for everybody;
 * the previous one read as published (or scored, if it never was).
 */
export const quarterlyDigest: Job = {
  name: 'quarterly-digest',
  description: "DM each manager their team's review digest of the quarter just ended, HR the company's (first work day of the quarter, 09:00 local)",
  defaultSchedule: '0 7 * * *',
  workDaysOnly: true,
  whileAway: 'defer',
  runKey: (date) => previousPeriod(quarterOf(date)).key,
  dueOn: (date, calendar) => nextWorkDay(calendar, quarterOf(date).from) === date,
  async plan(deps, run) {
    const period = parsePeriod(run.runKey);
    const [people, teams] = await Promise.all([deps.store.people.find(), deps.store.teams.find()]);
    const [current, [previous]] = await Promise.all([scorePeriod(deps, period, { everyone: people }), pastTotals(deps, [previousPeriod(period)], { everyone: people })]);
    const grades = current.template.grades.map((g) => g.grade);
    const names = new Map(people.map((p) => [p.id, p.name] as const));
    const teamOfPerson = new Map(people.map((p) => [p.id, p.teamId ?? null] as const));
    const dormant = (await findDormantAccounts(deps, { asOf: run.date })).map((d) => ({ ...d, ownerName: names.get(d.ownerId) ?? d.ownerId }));
    const outcomes = await repOutcomes(deps, { repIds: [...current.reps.keys()], period, asOf: run.date });
    const sections = groupByTeam(current.reps.values(), teams).map((g) => ({
      teamId: g.teamId,
      section: {
        name: g.name,
        digest: groupDigest(grades, g.members.map((m) => memberOf(m, previous!))),
        dormant: dormant.filter((d) => (teamOfPerson.get(d.ownerId) ?? null) === g.teamId),
        outcomes: g.members.flatMap((m) => {
          const o = outcomes.get(m.rep.id);
          return o && o.visits > 0 ? [{ name: m.rep.name, outcome: o }] : [];
        }),
      } satisfies TeamSection,
    }));
    const overall = groupDigest(grades, [...current.reps.values()].map((m) => memberOf(m, previous!)));

    const deliveries: Delivery[] = [];
    for (const reader of digestReaders(people, teams)) {
      const { locale } = reader.person;
      const views: View[] = [];
      if (reader.hr) views.push(quarterCompanyDigestView(locale, { periodKey: period.key, teams: sections.map((s) => s.section), overall }));
      const mine = sections.filter((s) => s.teamId !== null && reader.teamIds.includes(s.teamId)).map((s) => s.section);
      if (mine.length) views.push(quarterTeamDigestView(locale, { periodKey: period.key, teams: mine }));
      const d = dmOf(deps, { job: this.name, runKey: run.runKey, date: run.date, platforms: run.platforms }, reader.person, views);
      if (d) deliveries.push(d);
    }
    return deliveries;
  },
};
