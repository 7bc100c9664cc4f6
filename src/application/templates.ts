import { defaultTemplate } from '../domain/scoring/default-template.js';
import type { KpiTemplate } from '../domain/model/template.js';
import type { Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';

export const DEFAULT_TEMPLATE_KEY = 'default';

/** Stores the seed template as version 1 of `default` unless a version already exists. */
export async function ensureDefaultTemplate(deps: Pick<AppDeps, 'store' | 'clock'>): Promise<KpiTemplate> {
  const latest = await latestTemplate(deps, DEFAULT_TEMPLATE_KEY);
  if (latest) return latest;
  return deps.store.templates.put(defaultTemplate(deps.clock.now().toISOString()));
}

export async function latestTemplate(deps: Pick<AppDeps, 'store'>, key: string): Promise<KpiTemplate | null> {
  const [t] = await deps.store.templates.find({ key }, { sort: { field: 'version', dir: 'desc' }, limit: 1 });
  return t ?? null;
}

/**
 * The template a period is scored with: the version its review cycle recorded, else the latest
 * version of the default template (the built-in seed when the store has none yet).
 */
export async function templateForPeriod(deps: Pick<AppDeps, 'store' | 'clock'>, period: Period): Promise<KpiTemplate> {
  const [cycle] = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  if (cycle) {
    const t = await deps.store.templates.get(`${cycle.templateId}@${cycle.templateVersion}`);
    if (t) return t;
  }
  return (await latestTemplate(deps, DEFAULT_TEMPLATE_KEY)) ?? defaultTemplate(deps.clock.now().toISOString());
}
