import { AppError } from '../domain/errors.js';
import { DEFAULT_TIERS } from '../domain/model/accounts.js';
import type { Person } from '../domain/model/people.js';
import { accountTiersOf, KpiTemplateSchema, type AccountTier, type KpiTemplate } from '../domain/model/template.js';
import { toFieldIssues } from '../domain/records.js';
import { audit } from './cycle/cycles.js';
import type { AppDeps } from './deps.js';
import { requireRole } from './guards.js';
import { DEFAULT_TEMPLATE_KEY, ensureDefaultTemplate } from './templates.js';

/**
 * Editing the KPI template in chat (HR, administrators). Every change stores a new version; a
 * cycle keeps the version it was opened with, so an edit never changes a cycle in progress or a
 * published result.
 */

const mayEdit = (actor: Person) => requireRole(actor, ['admin', 'hr'], 'change the KPI template');

async function saveVersion(deps: AppDeps, actor: Person, base: KpiTemplate, next: Omit<KpiTemplate, 'id' | 'version' | 'createdAt' | 'createdBy' | 'key'>, change: Record<string, unknown>): Promise<KpiTemplate> {
  const version = base.version + 1;
  const parsed = KpiTemplateSchema.safeParse({
    ...next,
    key: DEFAULT_TEMPLATE_KEY,
    id: `${DEFAULT_TEMPLATE_KEY}@${version}`,
    version,
    createdAt: deps.clock.now().toISOString(),
    createdBy: actor.id,
  });
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new AppError('VALIDATION', `invalid template: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, {
      params: { messageId: 'template.error.invalid', list: issues.map((i) => `${i.path}: ${i.message}`).join('; ') },
      issues,
    });
  }
  const saved = await deps.store.templates.put(parsed.data);
  await audit(deps, actor, 'template.version', saved.id, { from: base.version, to: version, ...change });
  return saved;
}

/** The current template, for `/appraisal-admin template`. */
export async function currentTemplate(deps: AppDeps, actor: Person): Promise<KpiTemplate> {
  mayEdit(actor);
  return ensureDefaultTemplate(deps);
}

/**
 * `template tiers strategic 2 30 A 1 45 B 1 60 C 0.5 90`: the account tiers, in order, each with its
 * visit weight and cadence in days (`-`: no cadence, not a key-account tier). The list given
 * replaces the tiers: HR may rename, add or drop tiers. Accounts of a dropped tier keep it and
 * count as plain accounts (weight 1, no cadence) until they are given another.
 */
export async function setTiers(deps: AppDeps, actor: Person, words: readonly string[]): Promise<KpiTemplate> {
  mayEdit(actor);
  const base = await ensureDefaultTemplate(deps);
  if (words.length === 0 || words.length % 3 !== 0) throw new AppError('VALIDATION', 'tier weight cadence triples', { params: { messageId: 'template.error.tiers' } });
  const accountTiers: AccountTier[] = [];
  for (let i = 0; i < words.length; i += 3) {
    const [name, weight, cadence] = [words[i]!, words[i + 1]!, words[i + 2]!];
    // The default tiers keep their spelling whatever the case typed.
    const tier = DEFAULT_TIERS.find((t) => t.toLowerCase() === name.toLowerCase()) ?? name;
    const w = Number(weight);
    const c = cadence === '-' ? undefined : Number(cadence);
    if (!Number.isFinite(w) || (c !== undefined && !Number.isInteger(c))) throw new AppError('VALIDATION', 'bad tier numbers', { params: { messageId: 'template.error.tiers' } });
    accountTiers.push({ tier, visitWeight: w, ...(c !== undefined ? { cadenceDays: c } : {}) });
  }
  return saveVersion(deps, actor, base, { ...base, accountTiers }, { accountTiers });
}

/**
 * `template coverage <weight>|off`: the coverage indicator in behaviour with this weight (the
 * others scaled to make room, keeping their proportions), scored against a target of 100 %.
 */
export async function setCoverage(deps: AppDeps, actor: Person, value: string): Promise<KpiTemplate> {
  mayEdit(actor);
  const base = await ensureDefaultTemplate(deps);
  const off = value.toLowerCase() === 'off';
  const weight = Number(value);
  if (!off && !(Number.isFinite(weight) && weight > 0 && weight < 100)) throw new AppError('VALIDATION', `bad weight ${value}`, { params: { messageId: 'template.error.coverage', value } });
  const categories = base.categories.map((c) => {
    if (c.key !== 'behaviour') return c;
    const others = c.indicators.filter((i) => i.key !== 'coverage');
    const sum = others.reduce((s, i) => s + i.weight, 0);
    const room = off ? 100 : 100 - weight;
    const scaled = others.map((i) => ({ ...i, weight: (i.weight / sum) * room }));
    return {
      ...c,
      indicators: off ? scaled : [...scaled, { key: 'coverage' as const, weight, scoring: { type: 'ratio' as const, cap: 1 }, missing: { policy: 'exclude' as const }, defaultTarget: 1 }],
    };
  });
  return saveVersion(deps, actor, base, { ...base, categories }, { coverage: off ? 'off' : weight });
}

/** `template import` with the template as JSON on the following lines: a new version, validated whole. */
export async function importTemplate(deps: AppDeps, actor: Person, json: string): Promise<KpiTemplate> {
  mayEdit(actor);
  const base = await ensureDefaultTemplate(deps);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION', 'not JSON', { params: { messageId: 'template.error.json' } });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppError('VALIDATION', 'not an object', { params: { messageId: 'template.error.json' } });
  return saveVersion(deps, actor, base, parsed as KpiTemplate, { imported: true });
}
