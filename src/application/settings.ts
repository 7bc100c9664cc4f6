import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import { CHANNEL_REF_RE } from '../domain/model/platforms.js';
import type { AppDeps } from './deps.js';
import { requireRole } from './guards.js';

/**
 * Typed company settings kept in the store and changed in chat by administrators. Each key has a
 * schema and a default; a stored value that no longer parses falls back to the default (and is
 * logged) rather than breaking every command.
 */

export const CHANNEL_PURPOSES = ['intel', 'rankings', 'results', 'hr-private'] as const;
export type ChannelPurpose = (typeof CHANNEL_PURPOSES)[number];

/** Platform channel refs (`slack:C0123`, `lark:oc_abc`) per purpose, as outbox targets take them; a platform reads its own. */
const ChannelsSchema = z.partialRecord(z.enum(CHANNEL_PURPOSES), z.array(z.string().regex(CHANNEL_REF_RE)).max(4));

export const RANKING_MODES = ['full', 'rank_only', 'top_n', 'own_only'] as const;
const RankingPrivacySchema = z.object({
  /** full: names and scores; rank_only: names and ranks, no scores; top_n: the first N with scores; own_only: each sees only their own position. */
  mode: z.enum(RANKING_MODES),
  topN: z.number().int().min(1).max(100),
  /** People who asked not to appear in shared rankings (they still see their own position). */
  optOut: z.array(z.string()).max(10_000),
});
export type RankingPrivacy = z.infer<typeof RankingPrivacySchema>;

/** How HR runs the cycle: the base bonus, the appeal window, the grade distribution guideline, top performers shown. */
const CyclePolicySchema = z.object({
  /** The bonus at multiplier ×1 in the base currency; null: no amounts, multipliers only. */
  baseBonus: z.number().min(0).max(1e9).nullable(),
  /** Days after publication during which a rep may appeal. */
  appealWindowDays: z.number().int().min(0).max(90),
  /** Grade → the largest share of graded reps (percent) the guideline allows; a warning, not a block. */
  guideline: z.record(z.string().min(1).max(8), z.number().min(0).max(100)),
  /** How many top performers the channel summary names (0: none, only the distribution). */
  topPerformers: z.number().int().min(0).max(20),
  /** Fewer peer reviews than this and a rep's collaboration rating is withheld (anonymity). */
  peerReviewFloor: z.number().int().min(1).max(20).default(3),
  /** Leave longer than this many days in a period prorates the rep's team and template targets. */
  leaveProrationDays: z.number().int().min(0).max(92).default(10),
  /**
   * Fewer other graded reps than this in a team and a rep who may not see others' scores is not
   * compared with the team at all; with enough, only as above / around / below (never the exact
   * average, from which one teammate's total, or a few teammates' sum, follows). At least 4.
   */
  teamComparisonFloor: z.number().int().min(4).max(50).default(4),
  /** Whether a rep may leave shared rankings (/ranking-opt-out); when forbidden, nobody is left out. */
  rankingOptOut: z.boolean().default(true),
});
export type CyclePolicy = z.infer<typeof CyclePolicySchema>;
export const DEFAULT_CYCLE_POLICY: CyclePolicy = {
  baseBonus: null,
  appealWindowDays: 14,
  guideline: {},
  topPerformers: 0,
  peerReviewFloor: 3,
  leaveProrationDays: 10,
  teamComparisonFloor: 4,
  rankingOptOut: true,
};

const SETTINGS = {
  channels: { schema: ChannelsSchema, default: {} as z.infer<typeof ChannelsSchema> },
  'ranking.privacy': { schema: RankingPrivacySchema, default: { mode: 'full', topN: 10, optOut: [] } as RankingPrivacy },
  'cycle.policy': { schema: CyclePolicySchema, default: DEFAULT_CYCLE_POLICY },
} as const;
type SettingKey = keyof typeof SETTINGS;
type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function readSetting<K extends SettingKey>(deps: Pick<AppDeps, 'store' | 'logger'>, key: K): Promise<SettingValue<K>> {
  const stored = await deps.store.settings.get(key);
  if (!stored) return SETTINGS[key].default as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(stored.value);
  if (parsed.success) return parsed.data as SettingValue<K>;
  deps.logger.warn({ key, issues: parsed.error.issues }, 'stored setting does not parse; using the default');
  return SETTINGS[key].default as SettingValue<K>;
}

async function writeSetting<K extends SettingKey>(deps: AppDeps, actor: Person, key: K, value: SettingValue<K>): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.settings.put({ id: key, value: value as z.core.util.JSONType, updatedAt: at, updatedBy: actor.id });
  await deps.store.audit.insert({ id: deps.newId(), at, actorId: actor.id, action: 'setting.change', subjectId: key, details: { value } });
}

/** The channels configured for a purpose on one platform (`slack`, `lark`), as platform ids. */
export async function channelsFor(deps: Pick<AppDeps, 'store' | 'logger'>, purpose: ChannelPurpose, platform: string): Promise<string[]> {
  const channels = await readSetting(deps, 'channels');
  return (channels[purpose] ?? []).filter((c) => c.startsWith(`${platform}:`)).map((c) => c.slice(platform.length + 1));
}

/** `/appraisal-admin channel <purpose> #channel`: one channel per platform and purpose (replaced). */
export async function setChannel(deps: AppDeps, actor: Person, input: { purpose: string; channel: string }): Promise<void> {
  requireRole(actor, ['admin'], 'configure channels');
  if (!(CHANNEL_PURPOSES as readonly string[]).includes(input.purpose)) {
    throw new AppError('VALIDATION', `unknown channel purpose ${input.purpose}`, {
      params: { messageId: 'error.unknownPurpose', purpose: input.purpose, purposes: CHANNEL_PURPOSES.join(', ') },
      issues: [{ path: 'purpose', message: `choose one of ${CHANNEL_PURPOSES.join(', ')}` }],
    });
  }
  const purpose = input.purpose as ChannelPurpose;
  const platform = input.channel.split(':')[0]!;
  const channels = await readSetting(deps, 'channels');
  const next = { ...channels, [purpose]: [...(channels[purpose] ?? []).filter((c) => !c.startsWith(`${platform}:`)), input.channel] };
  const parsed = ChannelsSchema.safeParse(next);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `not a channel: ${input.channel}`, { params: { messageId: 'error.badChannel' }, issues: [{ path: 'channel', message: 'not a channel' }] });
  }
  await writeSetting(deps, actor, 'channels', parsed.data);
}

/** `/appraisal-admin ranking full|rank_only|top_n [N]|own_only`. */
export async function setRankingPrivacy(deps: AppDeps, actor: Person, input: { mode: string; topN?: number }): Promise<RankingPrivacy> {
  requireRole(actor, ['admin', 'hr'], 'change the ranking privacy');
  const current = await readSetting(deps, 'ranking.privacy');
  const parsed = RankingPrivacySchema.safeParse({ ...current, mode: input.mode, topN: input.topN ?? current.topN });
  if (!parsed.success) {
    throw new AppError('VALIDATION', `unknown ranking mode ${input.mode}`, {
      params: { messageId: 'error.rankingMode', modes: RANKING_MODES.join(', ') },
      issues: [{ path: 'mode', message: `choose one of ${RANKING_MODES.join(', ')}` }],
    });
  }
  await writeSetting(deps, actor, 'ranking.privacy', parsed.data);
  return parsed.data;
}

/**
 * `/ranking opt-out|opt-in` (a rep): leaves (or rejoins) shared rankings. An opted-out rep is still
 * scored and graded, sees their own place, and stays visible to HR and admins; colleagues and the
 * rankings channel no longer see them, nor the top-performers list. HR may forbid opting out
 * (`policy opt-out forbid`): then nobody is left out, and only opting back in is accepted.
 */
export async function setRankingOptOut(deps: AppDeps, actor: Person, optOut: boolean): Promise<{ changed: boolean }> {
  requireRole(actor, ['rep'], 'leave the ranking');
  const [current, policy] = await Promise.all([readSetting(deps, 'ranking.privacy'), readSetting(deps, 'cycle.policy')]);
  if (optOut && !policy.rankingOptOut) {
    throw new AppError('FORBIDDEN', 'opting out of rankings is forbidden by the policy', { params: { messageId: 'ranking.optOut.forbidden' } });
  }
  const others = current.optOut.filter((id) => id !== actor.id);
  const next = optOut ? [...others, actor.id] : others;
  if (next.length === current.optOut.length && current.optOut.includes(actor.id) === optOut) return { changed: false };
  await writeSetting(deps, actor, 'ranking.privacy', { ...current, optOut: next });
  return { changed: true };
}

/** Who is left out of shared rankings now: nobody when HR forbids opting out. */
export async function rankingOptedOut(deps: Pick<AppDeps, 'store' | 'logger'>): Promise<ReadonlySet<string>> {
  const [privacy, policy] = await Promise.all([readSetting(deps, 'ranking.privacy'), readSetting(deps, 'cycle.policy')]);
  return new Set(policy.rankingOptOut ? privacy.optOut : []);
}

export const POLICY_KEYS = ['bonus', 'appeal-window', 'guideline', 'top', 'peer-floor', 'leave-days', 'comparison-floor', 'opt-out'] as const;

/**
 * `/appraisal-admin policy bonus <amount|off>`, `policy appeal-window <days>`,
 * `policy guideline <grade> <max %|off>`, `policy top <N>`, `policy comparison-floor <N ≥ 4>`,
 * `policy opt-out allow|forbid` (HR or admin).
 */
export async function setCyclePolicy(deps: AppDeps, actor: Person, input: { key: string; args: readonly string[] }): Promise<CyclePolicy> {
  requireRole(actor, ['admin', 'hr'], 'change the appraisal policy');
  const current = await readSetting(deps, 'cycle.policy');
  const [a, b] = input.args;
  const off = (v: string | undefined) => v?.toLowerCase() === 'off' || v === '0';
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v.replace(/[%,]/g, '')));
  let next: unknown;
  switch (input.key.toLowerCase()) {
    case 'bonus':
      next = { ...current, baseBonus: a?.toLowerCase() === 'off' ? null : num(a) };
      break;
    case 'appeal-window':
      next = { ...current, appealWindowDays: num(a) };
      break;
    case 'guideline': {
      const grade = (a ?? '').toUpperCase();
      const rest = Object.fromEntries(Object.entries(current.guideline).filter(([g]) => g !== grade));
      next = { ...current, guideline: off(b) && b !== '0' ? rest : { ...rest, [grade]: num(b) } };
      break;
    }
    case 'top':
      next = { ...current, topPerformers: num(a) };
      break;
    case 'peer-floor':
      next = { ...current, peerReviewFloor: num(a) };
      break;
    case 'leave-days':
      next = { ...current, leaveProrationDays: num(a) };
      break;
    case 'comparison-floor':
      next = { ...current, teamComparisonFloor: num(a) };
      break;
    case 'opt-out': {
      const word = (a ?? '').toLowerCase();
      next = { ...current, rankingOptOut: ['allow', 'on', 'yes', '允许'].includes(word) ? true : ['forbid', 'off', 'no', '禁止'].includes(word) ? false : a };
      break;
    }
    default:
      throw new AppError('VALIDATION', `unknown policy ${input.key}`, {
        params: { messageId: 'error.policyKey', keys: POLICY_KEYS.join(', ') },
        issues: [{ path: 'policy', message: `choose one of ${POLICY_KEYS.join(', ')}` }],
      });
  }
  const parsed = CyclePolicySchema.safeParse(next);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `bad value for policy ${input.key}`, {
      params: { messageId: 'error.policyValue', key: input.key.toLowerCase() },
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || input.key, message: i.message })),
    });
  }
  await writeSetting(deps, actor, 'cycle.policy', parsed.data);
  return parsed.data;
}
