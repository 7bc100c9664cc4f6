import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { dmChat, startHarness, type Harness } from './harness.js';

/** `/导出 activities` on Lark: a rep's own records as files in their DM, headers in Chinese; a colleague's refused. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('bob', 'globex', 2, '2026-10-06'), ...visits('ann', 'acme', 2, '2026-10-06')]);
});
afterEach(() => h.close());

describe('/export activities on Lark', () => {
  it('sends bob his own records in Chinese, and refuses him ann’s', async () => {
    await h.dm('ou_bobwu', '/导出 activities 2026-10-01 2026-10-31');
    await h.idle();
    expect(h.fake.files.map((f) => f.fileName)).toEqual(['activities-Bob_Wu-2026-10-01-2026-10-31.csv', 'activities-Bob_Wu-2026-10-01-2026-10-31.xlsx']);
    const csv = h.fake.files[0]!.data.toString('utf8');
    expect(csv).toContain('类型,日期,销售,客户');
    expect(csv).toContain('拜访,2026-10-06,Bob Wu,Globex');
    expect(csv).not.toContain('Acme');
    expect(JSON.stringify(h.lastCardTo(dmChat('ou_bobwu')))).toContain('Bob Wu 从 2026-10-01 到 2026-10-31 的 2 条记录');
    await h.group('ou_bobwu', '/导出 activities @_user_2 2026-10-01 2026-10-31', [{ openId: 'ou_annlee', name: 'Ann Lee' }]);
    await h.idle();
    expect(JSON.stringify(h.lastCardTo('ou_bobwu'))).toContain('不能导出');
    expect(h.fake.files).toHaveLength(2);
  });
});
