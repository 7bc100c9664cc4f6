import type { KpiTemplate } from '../model/template.js';

/**
 * The seed template (DESIGN.md §2): performance 60, behaviour 30, teamwork 10. Targets are
 * quarterly defaults for a key-account rep; teams and HR override them per period.
 */
export function defaultTemplate(createdAt: string): KpiTemplate {
  return {
    id: 'default@1',
    key: 'default',
    version: 1,
    name: 'Key-account sales (default)',
    categories: [
      {
        key: 'performance',
        weight: 60,
        indicators: [
          { key: 'revenue', weight: 50, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 1_500_000 },
          { key: 'volume', weight: 15, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 300 },
          { key: 'accounts_served', weight: 15, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 8 },
          // 回款率: the share of what fell due that was collected; a target of 100%.
          { key: 'collection_rate', weight: 20, scoring: { type: 'ratio', cap: 1 }, missing: { policy: 'exclude' }, defaultTarget: 1 },
        ],
      },
      {
        key: 'behaviour',
        weight: 30,
        indicators: [
          { key: 'visits', weight: 40, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 36 },
          { key: 'new_customers', weight: 30, scoring: { type: 'ratio', cap: 1.5 }, missing: { policy: 'exclude' }, defaultTarget: 2 },
          // No feedback yet is not the rep's fault: score it neutral (a 4 out of 5).
          { key: 'satisfaction', weight: 30, scoring: { type: 'rating', min: 1, max: 5 }, missing: { policy: 'neutral', score: 75 } },
        ],
      },
      {
        key: 'teamwork',
        weight: 10,
        indicators: [
          { key: 'collaboration', weight: 60, scoring: { type: 'rating', min: 1, max: 5 }, missing: { policy: 'exclude' } },
          { key: 'intel_shared', weight: 40, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 6 },
        ],
      },
    ],
    grades: [
      { grade: 'S', minScore: 105, bonusMultiplier: 1.5 },
      { grade: 'A', minScore: 90, bonusMultiplier: 1.2 },
      { grade: 'B', minScore: 75, bonusMultiplier: 1 },
      { grade: 'C', minScore: 60, bonusMultiplier: 0.6 },
      { grade: 'D', minScore: 0, bonusMultiplier: 0 },
    ],
    annualQuarterWeights: [25, 25, 25, 25],
    createdAt,
  };
}
