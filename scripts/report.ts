import { parseArgs } from 'node:util';
import { AppError } from '../src/domain/errors.js';
import { todayIn } from '../src/domain/dates.js';
import { LOCALES, type Locale } from '../src/domain/model/fields.js';
import type { Person } from '../src/domain/model/people.js';
import { parsePeriod, quarterOf } from '../src/domain/period.js';
import { getScorecard } from '../src/application/get-scorecard.js';
import { scorePeriod } from '../src/application/score-period.js';
import { rankingView } from '../src/views/ranking-view.js';
import { renderText } from '../src/views/render-text.js';
import { scorecardView } from '../src/views/scorecard-view.js';
import { runCli } from './cli.js';

const USAGE = `Usage: npm run report -- [--period 2026-Q3] [--rep <id or name>] [--team <name>] [--lang en|zh-CN]
Prints the ranking for the period and one rep's full explained scorecard (the top-ranked rep unless --rep is given).`;

/** `npm run report`: the ranking and one rep's scorecard as readable tables, no chat platform needed. */
await runCli(async (deps, config) => {
  const { values } = parseArgs({
    options: { period: { type: 'string' }, rep: { type: 'string' }, team: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const locale = (values.lang ?? config.defaultLocale) as Locale;
  if (!LOCALES.includes(locale)) throw new AppError('VALIDATION', `--lang must be one of ${LOCALES.join(', ')}`);
  const period = values.period ? parsePeriod(values.period) : quarterOf(todayIn(config.companyTimeZone, deps.clock.now()));

  const scores = await scorePeriod(deps, period);
  if (scores.reps.size === 0) {
    throw new AppError('NOT_FOUND', `No reps were employed during ${period.key}. Load the demo data with: npm run seed:demo`);
  }
  const teams = await deps.store.teams.find();
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const team = values.team ? teams.find((t) => t.name.toLowerCase().includes(values.team!.toLowerCase())) : undefined;
  if (values.team && !team) throw new AppError('NOT_FOUND', `No team matches "${values.team}". Teams: ${teams.map((t) => t.name).join(', ')}`);
  process.stdout.write(
    renderText(
      rankingView(locale, {
        periodKey: period.key,
        entries: scores.ranking.ranked,
        teamNames,
        unrankedNames: scores.ranking.unranked.map((u) => u.name),
        ...(team ? { team: { id: team.id, name: team.name } } : {}),
      }),
    ),
  );

  const all = [...scores.reps.values()].map((s) => s.rep);
  const wanted = values.rep?.toLowerCase();
  const rep = wanted
    ? all.find((p) => p.id.toLowerCase() === wanted) ?? all.find((p) => p.name.toLowerCase().includes(wanted))
    : all.find((p) => p.id === (team ? scores.ranking.ranked.find((e) => e.teamId === team.id) : scores.ranking.ranked[0])?.repId);
  if (!rep) throw new AppError('NOT_FOUND', `No rep matches "${values.rep}" in ${period.key}.`);
  // The report is an operator's tool: it reads as HR would.
  const operator: Person = { id: 'cli', name: 'report CLI', roles: ['hr'], joinDate: '2000-01-01', identities: [], locale, active: true, createdAt: deps.clock.now().toISOString() };
  const report = await getScorecard(deps, { actor: operator, repId: rep.id, period });
  process.stdout.write(`\n${renderText(scorecardView({ locale, currency: config.baseCurrency }, report))}`);
});
