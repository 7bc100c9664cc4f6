import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHome } from '../../src/application/build-home.js';
import type { HomeData } from '../../src/domain/read-models/home.js';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logFeedback } from '../../src/application/entries/log-feedback.js';
import { logPayment } from '../../src/application/entries/log-payment.js';
import { shareIntel } from '../../src/application/entries/share-intel.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { homeView } from '../../src/views/home-view.js';
import { renderText } from '../../src/views/render-text.js';
import { aCycle } from '../helpers/builders.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let annHome: HomeData;
let mgrHome: HomeData;
let hrHome: HomeData;

beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const get = async (id: string) => (await deps.store.people.get(id))!;
  const [ann, mgr, hr] = (await Promise.all(['ann', 'mgr', 'hr'].map(get))) as [Person, Person, Person];
  await deps.store.activities.insertMany([...visits('ann', 'acme', 4, '2026-10-08'), ...visits('bob', 'globex', 24, '2026-10-01'), ...visits('cat', 'globex', 3, '2026-10-01')]);
  await deps.store.activities.insertMany(visits('ann', 'globex', 1, '2026-09-30', 'ann-q3-'));
  await deps.store.cycles.insert(aCycle({ templateId: 'default', state: 'published', createdBy: 'hr' }));
  const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100_000, units: 10, product: 'Robots', signedDate: '2026-11-20' });
  await logPayment(deps, ann, { requestId: 'p1', dealId: deal.id, amount: 40_000, receivedDate: '2026-11-25' });
  await logFeedback(deps, ann, { requestId: 'f1', accountId: 'acme', service: 5, product: 4, source: 'survey', date: '2026-11-02' });
  await shareIntel(deps, ann, { requestId: 'i1', topic: 'Competitor pricing', text: 'Globex got 15% off from X' });
  annHome = await buildHome(deps, ann);
  mgrHome = await buildHome(deps, mgr);
  hrHome = await buildHome(deps, hr);
});
afterAll(() => deps.cleanup());

const en = { locale: 'en', currency: 'CNY' } as const;
const zh = { locale: 'zh-CN', currency: 'CNY' } as const;

describe('buildHome', () => {
  it('gives a rep their running scorecard and latest entries, and no team', () => {
    expect(annHome.period.key).toBe('2026-Q4');
    expect(annHome.scorecard?.pacing?.elapsed).toBeCloseTo(0.62, 2);
    expect(annHome.recent.map((e) => e.kind)).toEqual(['intel', 'payment', 'deal', 'feedback', 'visit', 'visit', 'visit', 'visit', 'visit']);
    expect(annHome.recent.at(-1)).toMatchObject({ id: 'ann-q3-0', editable: false });
    expect(annHome.team).toBeNull();
  });

  it('gives a manager their own reps only, scored for the quarter, with visit pacing', () => {
    expect(mgrHome.scorecard).toBeNull();
    expect(mgrHome.team?.map((r) => [r.name, r.grade, r.visits])).toEqual([
      ['ann', 'D', { actual: 4, target: 36, projected: expect.closeTo(6.45, 1), onPace: false }],
      ['bob', 'D', { actual: 24, target: 36, projected: expect.closeTo(38.7, 1), onPace: true }],
    ]);
  });
});

describe('home view', () => {
  it('shows a rep the buttons, pacing with the way to the next grade, and entries with Edit / Delete (English)', () => {
    const text = renderText(homeView(en, annHome));
    expect(text).toMatch(/^Home: ann, 2026-Q4\n═+\n\[Log a visit\] \[Log a deal\]\n/);
    expect(text).toContain('Total  23.6\nGrade  D');
    expect(text).toContain('Client visits: 4 so far → 6 projected vs 36 target');
    expect(text).toContain('To reach grade C: ¥1.5M more revenue');
    expect(text).toContain('2026-11-20 · Deal · Acme · Robots · ¥100,000  [Edit] [Delete]');
    expect(text).toContain('2026-11-25 · Payment · Acme · Robots · ¥40,000  [Edit] [Delete]');
    expect(text).toMatch(/2026-09-28 · Visit · Globex \(closed\)$/m);
    expect(text).not.toContain('Your team');
    expect(text).toMatchSnapshot();
  });

  it('renders the same home in Simplified Chinese', () => {
    const text = renderText(homeView(zh, annHome));
    expect(text).toContain('主页：ann，2026-Q4');
    expect(text).toContain('[记录拜访] [记录成交]');
    expect(text).toContain('客户拜访次数：目前 4 → 预计 6，目标 36');
    expect(text).toContain('2026-11-02 · 客户反馈 · Acme · 服务 5/5，产品 4/5  [修改] [删除]');
    expect(text).toContain('2026-09-28 · 拜访 · Globex（已截止）\n');
    expect(text).toMatchSnapshot();
  });

  it('gives entry buttons their ids, the entry as JSON value, and a confirm dialog on Delete', () => {
    const items = homeView(en, annHome).blocks.filter((b) => b.type === 'item');
    expect(items).toHaveLength(9);
    const deal = annHome.recent.find((e) => e.kind === 'deal')!;
    expect(items[2]).toEqual({
      type: 'item',
      text: '2026-11-20 · Deal · Acme · Robots · ¥100,000',
      buttons: [
        { id: 'entry.edit', label: 'Edit', value: JSON.stringify({ kind: 'deal', id: deal.id }) },
        {
          id: 'entry.delete',
          label: 'Delete',
          value: `{"kind":"deal","id":"${deal.id}"}`,
          style: 'danger',
          confirm: { title: 'Delete this entry?', text: '2026-11-20 · Deal · Acme · Robots · ¥100,000\nThis cannot be undone.', confirm: 'Delete', deny: 'Keep it' },
        },
      ],
    });
    expect(items[8]).toMatchObject({ buttons: [] });
  });

  it('shows a manager the team table, in English and Chinese', () => {
    const text = renderText(homeView(en, mgrHome));
    expect(text).toMatch(/^ann +23\.6 +D +4 \/ 36 +behind$/m);
    expect(text).toMatch(/^bob +\d+\.\d +D +24 \/ 36 +on pace$/m);
    expect(text).not.toContain('cat');
    expect(text).not.toContain('Your quarter so far');
    expect(text).toContain('Nothing logged yet: start with a visit.');
    expect(text).toMatchSnapshot();
    const zhText = renderText(homeView(zh, mgrHome));
    expect(zhText).toContain('我的团队，2026-Q4');
    expect(zhText).toMatch(/^bob +\d+\.\d +D +24 \/ 36 +进度正常$/m);
    expect(zhText).toMatchSnapshot();
  });

  it('offers no log buttons and no entry list to someone who does not log entries', () => {
    const view = homeView(en, hrHome);
    expect(view.blocks.map((b) => b.type)).toEqual(['header']);
    expect(renderText(view)).toBe('Home: hr, 2026-Q4\n═════════════════\n');
  });
});
