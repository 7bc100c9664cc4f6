import { hasRole, type Person } from '../../domain/model/people.js';
import { annualSummary, type AnnualSummary } from '../../domain/scoring/annual.js';
import { groupDigest, trendOf, type DigestMember } from '../../domain/scoring/digest.js';
import { linearForecast, trendForecast } from '../../domain/scoring/forecast.js';
import { gradeFor } from '../../domain/scoring/grading.js';
import { quarterPeriod, quartersOfYear, yearPeriod } from '../../domain/period.js';
import { nextWorkDay } from '../../domain/work-calendar.js';
import { annualCompanyDigestView, annualRepView, annualTeamDigestView, type AwardLine } from '../../views/digest-views.js';
import type { View } from '../../views/view.js';
import type { Delivery } from '../delivery/enqueue.js';
import { historyOf, pastTotals } from '../past-totals.js';
import { employedDuring } from '../score-period.js';
import { templateForPeriod } from '../templates.js';
import { digestReaders, dmOf, groupByTeam } from './digest-audience.js';
import type { Job } from './job.js';

interface RepYear {
  rep: Person;
  quarters: { periodKey: string; total: number | null; grade: string | null }[];
  summary: AnnualSummary;
}

/**
 * The first work day of January: every rep gets their year by DM — the four quarters, the annual
 * score (the template's quarter weights), the trend with a forecast of the next quarter, and their
 * approved special awards; managers get their team's year digest and HR the company's. Each
 * quarter is scored once for everybody.
 */
export const annualSummaryJob: Job = {
  name: 'annual-summary',
  description: "DM every rep their year, managers their team's year digest, HR the company's (first work day of January, 09:00 local)",
  defaultSchedule: '0 7 * * *',
  workDaysOnly: true,
  whileAway: 'defer',
  runKey: (date) => String(Number(date.slice(0, 4)) - 1),
  dueOn: (date, calendar) => nextWorkDay(calendar, `${date.slice(0, 4)}-01-01`) === date,
  async plan(deps, run) {
    const year = Number(run.runKey);
    const periods = quartersOfYear(year);
    const people = await deps.store.people.find();
    // Each quarter as published (what the reps were told, and what the annual result and export
    // use), else scored from the activities: Q4 is usually not published yet in early January.
    const [quarterTotals, template, teams, awards] = await Promise.all([
      pastTotals(deps, periods, { everyone: people }),
      templateForPeriod(deps, yearPeriod(year)),
      deps.store.teams.find(),
      deps.store.awards.find({ periodKey: { in: [String(year), ...periods.map((p) => p.key)] }, state: 'approved' }),
    ]);
    const peopleById = new Map(people.map((p) => [p.id, p]));
    // Every rep employed in a quarter of the year, graded or not.
    const repIds = new Set(people.filter((p) => periods.some((q) => employedDuring(p, q))).map((p) => p.id));
    const years: RepYear[] = [...repIds].map((id) => {
      const quarters = historyOf(quarterTotals, id).map((q) => ({ periodKey: q.periodKey, total: q.total, grade: q.total === null ? null : q.grade }));
      return { rep: peopleById.get(id)!, quarters, summary: annualSummary(template, quarters.map((q) => q.total)) };
    });
    const awardLines = (ids: ReadonlySet<string>): AwardLine[] =>
      awards
        .filter((a) => ids.has(a.repId))
        .sort((a, b) => a.periodKey.localeCompare(b.periodKey) || a.createdAt.localeCompare(b.createdAt))
        .map((a) => ({ name: peopleById.get(a.repId)?.name ?? a.repId, title: a.title, periodKey: a.periodKey, reason: a.reason }));
    const grades = template.grades.map((g) => g.grade);
    const memberOf = (y: RepYear): DigestMember => ({ repId: y.rep.id, name: y.rep.name, total: y.summary.total, grade: y.summary.grade, previous: null });
    const sections = groupByTeam(years, teams).map((g) => ({
      teamId: g.teamId,
      section: {
        name: g.name,
        digest: groupDigest(grades, g.members.map(memberOf)),
        quarters: new Map(g.members.map((y) => [y.rep.id, y.quarters.map((q) => q.total)])),
        awards: awardLines(new Set(g.members.map((y) => y.rep.id))),
      },
    }));
    const overall = groupDigest(grades, years.map(memberOf));

    const views = new Map<string, View[]>();
    const add = (person: Person, view: View) => views.set(person.id, [...(views.get(person.id) ?? []), view]);
    const next = quarterPeriod(year + 1, 1);
    for (const y of years) {
      if (!y.rep.active || !hasRole(y.rep, 'rep')) continue;
      const totals = y.quarters.flatMap((q) => (q.total === null ? [] : [q.total]));
      // The trend's slope may come from two quarters; a forecast needs three, with its range, on the scale.
      const forecast = linearForecast(totals);
      const projected = trendForecast(template, totals, next.key);
      add(
        y.rep,
        annualRepView(y.rep.locale, {
          year,
          quarters: y.quarters,
          summary: y.summary,
          weights: template.annualQuarterWeights,
          trend: trendOf(forecast),
          slope: forecast && forecast.basis > 1 ? forecast.slope : null,
          forecast: projected === null ? null : { ...projected, total: projected.value, grade: gradeFor(template, projected.value).grade },
          awards: awardLines(new Set([y.rep.id])),
        }),
      );
    }
    for (const reader of digestReaders(people, teams)) {
      const { locale } = reader.person;
      const mine = sections.filter((s) => s.teamId !== null && reader.teamIds.includes(s.teamId)).map((s) => s.section);
      if (mine.length) add(reader.person, annualTeamDigestView(locale, { year, teams: mine, awards: mine.flatMap((s) => s.awards) }));
      if (reader.hr) {
        add(reader.person, annualCompanyDigestView(locale, { year, teams: sections.map((s) => s.section), overall, awards: awardLines(repIds) }));
      }
    }
    const deliveries: Delivery[] = [];
    for (const [id, vs] of views) {
      const d = dmOf(deps, { job: this.name, runKey: run.runKey, date: run.date, platforms: run.platforms }, peopleById.get(id)!, vs);
      if (d) deliveries.push(d);
    }
    return deliveries;
  },
};
