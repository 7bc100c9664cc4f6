import { AppError } from '../../domain/errors.js';
import type { Appeal, PublishedResult } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { appealNoticeView } from '../../views/reward-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { today } from '../guards.js';
import { readSetting } from '../settings.js';
import { audit, periodFrom } from './cycles.js';
import { frozenReport } from './frozen-report.js';
import { withNextAppealNumber } from './appeal-number.js';
import { appealDeadline, requireReason, resultVersions, toHr } from './reward-common.js';

export const APPEAL_FILED_JOB = 'appeal-filed';

/**
 * The period a rep appeals when they name none: the only result still open to appeal (inside its
 * window, no pending appeal), else their latest published quarter (refused below with the reason).
 * With two or more open, the rep must choose: guessing once filed a complaint about Q3 against Q4.
 */
async function defaultPeriod(deps: Pick<AppDeps, 'store' | 'settings' | 'clock'>, repId: string, windowDays: number): Promise<string | null> {
  const results = await deps.store.results.find({ repId });
  const firstPublished = new Map<string, string>();
  for (const r of results) if (r.version === 1) firstPublished.set(r.periodKey, r.publishedAt);
  const pending = new Set((await deps.store.appeals.find({ repId, state: 'pending' })).map((a) => a.periodKey));
  const open = [...firstPublished].filter(([key, at]) => !pending.has(key) && today(deps) <= appealDeadline(deps, at, windowDays)).map(([key]) => key).sort();
  if (open.length > 1) {
    throw new AppError('VALIDATION', `which period: ${open.join(', ')}`, {
      params: { messageId: 'fairness.appeal.choosePeriod', periods: open, example: open.at(-1) },
      issues: [{ path: 'period', message: `one of ${open.join(', ')}` }],
    });
  }
  if (open.length === 1) return open[0]!;
  const keys = results.map((r) => r.periodKey);
  const quarters = keys.filter((k) => k.includes('-Q'));
  const pool = quarters.length ? quarters : keys;
  return pool.sort().at(-1) ?? null;
}

/**
 * `/appeal [period] <reason>`: a rep contests their own published result, within the policy's
 * window after its first publication, one pending appeal per period. HR is told by DM and in the
 * HR-private channel, with the frozen scorecard fully explained and the commands to decide.
 */
export async function fileAppeal(
  deps: AppDeps,
  actor: Person,
  input: { period?: string | undefined; reason: string; platforms: readonly PlatformName[]; requestId?: string | undefined },
): Promise<{ appeal: Appeal; result: PublishedResult; deadline: string; queued: number }> {
  if (!hasRole(actor, 'rep')) throw new AppError('FORBIDDEN', `${actor.name} is not a rep`, { params: { messageId: 'rewards.error.appealRepOnly' } });
  const policy = await readSetting(deps, 'cycle.policy');
  const periodKey = input.period ? periodFrom(input.period).key : await defaultPeriod(deps, actor.id, policy.appealWindowDays);
  const versions = periodKey ? await resultVersions(deps, periodKey, actor.id) : [];
  if (!periodKey || versions.length === 0) {
    throw new AppError('NOT_FOUND', `no published result for ${actor.name}`, { params: { messageId: 'rewards.error.noResult', period: periodKey ?? '—' } });
  }
  const first = versions[0]!;
  const latest = versions.at(-1)!;
  const deadline = appealDeadline(deps, first.publishedAt, policy.appealWindowDays);
  if (today(deps) > deadline) {
    throw new AppError('CONFLICT', `the appeal window for ${periodKey} closed on ${deadline}`, { params: { messageId: 'rewards.error.windowClosed', period: periodKey, date: deadline } });
  }
  const reason = requireReason(input.reason);
  const pending = await deps.store.appeals.find({ periodKey, repId: actor.id, state: 'pending' });
  if (pending.length > 0) {
    throw new AppError('CONFLICT', `${actor.name} already has a pending appeal for ${periodKey}`, { params: { messageId: 'rewards.error.appealPending', period: periodKey } });
  }
  const { record: appeal, created } = await withNextAppealNumber(deps, (number) =>
    deps.store.appeals.insert({
      id: deps.newId(),
      number,
      periodKey,
      repId: actor.id,
      resultVersion: latest.version,
      reason,
      state: 'pending',
      createdAt: deps.clock.now().toISOString(),
      ...(input.requestId ? { requestId: input.requestId } : {}),
    }),
  );
  if (!created) return { appeal, result: latest, deadline, queued: 0 };
  await audit(deps, actor, 'appeal.file', appeal.id, { number: appeal.number, periodKey, repId: actor.id, resultVersion: latest.version, reason });
  const team = actor.teamId ? await deps.store.teams.get(actor.teamId) : null;
  const report = await frozenReport(deps, { rep: actor, team, result: latest });
  const currency = deps.settings.baseCurrency;
  const deliveries = await toHr(deps, { job: APPEAL_FILED_JOB, runKey: appeal.id }, input.platforms, (locale) =>
    appealNoticeView({ locale, currency }, { appeal, repName: actor.name, report }),
  );
  const { queued } = await enqueue(deps, deliveries);
  return { appeal, result: latest, deadline, queued };
}

