import type { Locale } from '../domain/model/fields.js';
import { accountTiersOf, type KpiTemplate } from '../domain/model/template.js';
import { INDICATORS } from '../domain/model/indicators.js';
import { fmtNumber, fmtPercent } from './format.js';
import { storedText } from './labels.js';
import { t, type MessageKey } from './i18n.js';
import type { View } from './view.js';

/** `/appraisal-admin template`: the current KPI template — weights, targets, grades, account tiers. */
export function templateView(locale: Locale, tpl: KpiTemplate): View {
  const title = t(locale, 'template.title', { name: storedText(locale, tpl.name), version: tpl.version });
  const n = (x: number) => fmtNumber(locale, x, x % 1 === 0 ? 0 : 2);
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'table',
        columns: [{ label: t(locale, 'template.col.indicator') }, { label: t(locale, 'template.col.weight'), align: 'right' }, { label: t(locale, 'template.col.target'), align: 'right' }],
        rows: tpl.categories.flatMap((c) => [
          [`${t(locale, `category.${c.key}` as MessageKey)}`, `${n(c.weight)}%`, ''],
          ...c.indicators.map((i) => [
            `  ${t(locale, `indicator.${i.key}` as MessageKey)}`,
            `${n(i.weight)}%`,
            i.defaultTarget === undefined ? '—' : INDICATORS[i.key].measure === 'ratio' ? fmtPercent(locale, i.defaultTarget) : n(i.defaultTarget),
          ]),
        ]),
      },
      { type: 'text', text: t(locale, 'template.grades', { list: tpl.grades.map((g) => `${g.grade} ≥ ${n(g.minScore)} (×${n(g.bonusMultiplier)})`).join(' · ') }) },
      {
        type: 'table',
        columns: [{ label: t(locale, 'template.col.tier') }, { label: t(locale, 'template.col.visitWeight'), align: 'right' }, { label: t(locale, 'template.col.cadence'), align: 'right' }],
        rows: accountTiersOf(tpl).map((a) => [a.tier, `×${n(a.visitWeight)}`, a.cadenceDays === undefined ? '—' : t(locale, 'template.days', { days: a.cadenceDays })]),
      },
      { type: 'context', text: t(locale, 'template.hint') },
    ],
  };
}
