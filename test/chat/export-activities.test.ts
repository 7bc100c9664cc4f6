import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts } from './conversation.js';

/** `/导出 activities`: a rep's own records as CSV and XLSX, headers in Chinese; a colleague's refused (was test/lark/export-activities). */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.people.put({ ...(await deps.store.people.get('ann'))!, name: 'Ann Lee' });
  await deps.store.activities.insertMany([...visits('bob', 'globex', 2, '2026-10-06'), ...visits('ann', 'acme', 2, '2026-10-06')]);
});
afterEach(() => deps.cleanup());

describe('/export activities (shared conversation)', () => {
  it('gives bob his own records in Chinese, and refuses him ann’s', async () => {
    const mine = await ask(deps, 'bob', '/导出 activities 2026-10-01 2026-10-31');
    expect(mine.files!.map((f) => f.name)).toEqual(['activities-Bob_Wu-2026-10-01-2026-10-31.csv', 'activities-Bob_Wu-2026-10-01-2026-10-31.xlsx']);
    const csv = Buffer.from(mine.files![0]!.content).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(csv[0]!.startsWith('类型,日期,销售,客户,')).toBe(true);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['拜访,2026-10-06,Bob Wu,Globex', '拜访,2026-10-07,Bob Wu,Globex']);
    expect(shownTexts(mine.view!)).toContain(t('zh-CN', 'export.done.activities', { rows: 2, from: '2026-10-01', to: '2026-10-31', people: 'Bob Wu' }));

    const anns = await ask(deps, 'bob', '/导出 activities @ann 2026-10-01 2026-10-31', { known: ['ann'] });
    expect(anns.refusal).toBe(t('zh-CN', 'export.error.notYours', { name: 'Ann Lee' }));
    expect(anns.files).toBeUndefined();
  });
});
