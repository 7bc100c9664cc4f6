import { isPublishedState } from '../../domain/model/cycle.js';
import { AppError } from '../../domain/errors.js';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/model/indicators.js';
import { hasRole, type Person, type Team } from '../../domain/model/people.js';
import type { Target } from '../../domain/model/targets.js';
import { templateTarget } from '../../domain/scoring/targets.js';
import { t } from '../../views/i18n.js';
import type { TargetsModel } from '../../views/lifecycle-views.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { manages, seesEveryone } from '../permissions.js';
import { templateForPeriod } from '../templates.js';
import { findTeam } from '../people/find-team.js';
import { audit, findCycle, periodFrom, requireHr } from './cycles.js';

/**
 * Targets of a cycle's period: the template's defaults and the team and rep overrides (the same
 * `targets` records the CSV import writes; domain/scoring/targets.ts resolves them per rep).
 */

/** Chinese names of the design brief, besides the keys and both languages' labels. */
const ALIASES: Record<string, IndicatorKey> = {
  客户数量: 'accounts_served',
  拜访次数: 'visits',
  沟通协作: 'collaboration',
};

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** An indicator by key (`visits`), English or Chinese label (`Client visits`, `客户拜访次数`). */
export function indicatorFrom(word: string | undefined): IndicatorKey {
  const w = norm(word ?? '');
  for (const key of INDICATOR_KEYS) {
    if (w === key || w === norm(t('en', `indicator.${key}`)) || w === norm(t('zh-CN', `indicator.${key}`))) return key;
  }
  if (Object.hasOwn(ALIASES, w)) return ALIASES[w]!;
  throw new AppError('VALIDATION', `"${word}" is not an indicator`, { params: { messageId: 'lifecycle.targets.badIndicator', value: word ?? '', list: INDICATOR_KEYS.join(', ') } });
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * `/cycle targets <period>` (HR or a manager): each indicator's default and its overrides. HR sees
 * every override; a manager only those of the teams they lead and the reps they manage (another
 * team's rep-level targets are that rep's business, not a peer manager's).
 */
export async function cycleTargets(deps: AppDeps, actor: Person, input: { period: string | undefined }): Promise<TargetsModel> {
  requireRole(actor, ['hr', 'manager'], 'see the targets');
  const period = periodFrom(input.period);
  const [template, allTargets, teams] = await Promise.all([templateForPeriod(deps, period), deps.store.targets.find({ periodKey: period.key }), deps.store.teams.find()]);
  const teamName = new Map(teams.map((tm) => [tm.id, tm.name] as const));
  const reps = await deps.store.people.find({ id: { in: allTargets.filter((x) => x.scope === 'rep').map((x) => x.scopeId) } });
  const people = new Map(reps.map((p) => [p.id, p.name] as const));
  const targets = seesEveryone(actor) ? allTargets : allTargets.filter(managedBy(actor, teams, reps));
  const rows = template.categories.flatMap((c) =>
    c.indicators.map((spec) => {
      const own = targets.filter((x) => x.indicator === spec.key).sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'team' ? -1 : 1));
      const base = templateTarget(spec, period);
      return {
        indicator: t(actor.locale, `indicator.${spec.key}`),
        template: base === null ? t(actor.locale, 'lifecycle.targets.none') : fmt(base),
        overrides: own.map((x) =>
          x.scope === 'team'
            ? t(actor.locale, 'lifecycle.targets.team', { name: teamName.get(x.scopeId) ?? x.scopeId, value: fmt(x.value) })
            : t(actor.locale, 'lifecycle.targets.rep', { name: people.get(x.scopeId) ?? x.scopeId, value: fmt(x.value) }),
        ),
      };
    }),
  );
  return { periodKey: period.key, rows };
}

/** Whether a manager may see a target: their own team's, or a rep's they manage. */
function managedBy(actor: Person, teams: readonly Team[], reps: readonly Person[]): (x: Target) => boolean {
  const teamById = new Map(teams.map((tm) => [tm.id, tm] as const));
  const repById = new Map(reps.map((p) => [p.id, p] as const));
  return (x) => {
    if (x.scope === 'team') return teamById.get(x.scopeId)?.managerId === actor.id;
    const rep = repById.get(x.scopeId);
    // A player-coach does not manage himself, but his own target is his to see.
    return rep !== undefined && (rep.id === actor.id || manages(actor, rep, (rep.teamId && teamById.get(rep.teamId)) || null));
  };
}

export interface TargetSet {
  target: Target;
  old: number | null;
  changed: boolean;
  /** "team East" or the rep's name, in the actor's language. */
  scopeLabel: string;
}

/**
 * `/cycle targets <period> <indicator> <value> team <name> | @rep` (HR): sets a team's or a rep's
 * target for the period, only before the period is published (a published result records the
 * targets it used). Audited with the old and the new value.
 */
export async function setCycleTarget(
  deps: AppDeps,
  actor: Person,
  input: { period: string | undefined; indicator: string | undefined; value: string | undefined; teamName?: string; rep?: Person },
): Promise<TargetSet> {
  requireHr(actor, 'set targets');
  const period = periodFrom(input.period);
  const indicator = indicatorFrom(input.indicator);
  const value = Number(input.value);
  if (!input.value || !Number.isFinite(value) || value <= 0 || value > 1e12) {
    throw new AppError('VALIDATION', `bad target value ${input.value}`, { params: { messageId: 'lifecycle.targets.badValue', value: input.value ?? '' } });
  }
  const cycle = await findCycle(deps, period);
  if (cycle && isPublishedState(cycle.state)) {
    throw new AppError('CONFLICT', `${period.key} is ${cycle.state}: targets are frozen`, {
      params: { messageId: 'lifecycle.targets.locked', period: period.key, state: t(actor.locale, `cycle.state.${cycle.state}`) },
    });
  }
  const scope = await scopeOf(deps, actor, input);
  const prior = (await deps.store.targets.find({ periodKey: period.key, scopeId: scope.scopeId })).find((x) => x.indicator === indicator && x.scope === scope.scope) ?? null;
  if (prior && prior.value === value) return { target: prior, old: prior.value, changed: false, scopeLabel: scope.label };
  const target: Target = prior
    ? { ...prior, value }
    : { id: deps.newId(), periodKey: period.key, indicator, scope: scope.scope, scopeId: scope.scopeId, value, createdAt: deps.clock.now().toISOString(), createdBy: actor.id };
  const stored = prior ? await deps.store.targets.put(target) : (await deps.store.targets.insert(target)).record;
  await audit(deps, actor, 'target.set', stored.id, { periodKey: period.key, indicator, scope: scope.scope, scopeId: scope.scopeId, old: prior?.value ?? null, new: value });
  return { target: stored, old: prior?.value ?? null, changed: true, scopeLabel: scope.label };
}

async function scopeOf(
  deps: AppDeps,
  actor: Person,
  input: { teamName?: string; rep?: Person },
): Promise<{ scope: 'team' | 'rep'; scopeId: string; label: string }> {
  if (input.rep) {
    if (!hasRole(input.rep, 'rep')) throw new AppError('VALIDATION', `${input.rep.name} is not a rep`, { params: { messageId: 'lifecycle.targets.notRep', name: input.rep.name } });
    return { scope: 'rep', scopeId: input.rep.id, label: input.rep.name };
  }
  if (input.teamName) {
    const team = findTeam(await deps.store.teams.find(), input.teamName);
    return { scope: 'team', scopeId: team.id, label: t(actor.locale, 'lifecycle.targets.scopeTeam', { name: team.name }) };
  }
  throw new AppError('VALIDATION', 'a target is for a team or a rep', { params: { messageId: 'lifecycle.targets.usage', list: INDICATOR_KEYS.join(', ') } });
}
