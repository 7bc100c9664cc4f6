import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAnnual } from '../../src/application/exports/annual-export.js';
import { escapeFormula, toCsv } from '../../src/application/exports/csv.js';
import { exportResults } from '../../src/application/exports/results-export.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { plainRequest } from '../../src/chat/review.js';
import { exportAnswer } from '../../src/chat/records-export.js';
import type { PublishedResult } from '../../src/domain/model/cycle.js';
import type { Scorecard } from '../../src/domain/model/scorecard.js';
import { errorText } from '../../src/views/errors.js';
import { renderText } from '../../src/views/render-text.js';
import { smallOrg, T0 } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
const get = async (id: string) => (await deps.store.people.get(id))!;

/** A frozen scorecard with two indicators (visits, revenue), values chosen by hand. */
function card(repId: string, periodKey: string, o: { total: number; base?: number; grade: string; mult: number; penalty?: boolean; visits: [number, number, number]; adjustments?: Scorecard['adjustments'] }): Scorecard {
  const line = (key: 'visits' | 'revenue', [actual, target, score]: [number | null, number | null, number | null]) => ({
    key, category: key === 'visits' ? ('behaviour' as const) : ('performance' as const), actual, inputs: {}, target, targetSource: 'template' as const, proration: 1,
    scoring: { type: 'ratio' as const, cap: 1.2 }, score, missing: null, applied: null, capped: false, weight: 50, effectiveWeight: 50, contribution: (score ?? 0) / 2,
  });
  return {
    repId, periodKey, templateId: 'default', templateVersion: 1,
    indicators: [line('visits', o.visits), line('revenue', [null, 1_500_000, null])],
    categories: [], baseTotal: o.base ?? o.total, adjustments: o.adjustments ?? [], total: o.total, grade: o.grade, bonusMultiplier: o.mult,
    penalty: o.penalty ?? false, noData: false,
  };
}

function result(repId: string, periodKey: string, version: number, scorecard: Scorecard, extra: Partial<PublishedResult> = {}): PublishedResult {
  return { id: `r-${repId}-${periodKey}-${version}`, periodKey, repId, version, scorecard, awardIds: [], publishedAt: '2026-10-09T01:30:00.000Z', publishedBy: 'hr', reason: version === 1 ? 'first publication' : 'appeal accepted', ...extra };
}

async function publishedCycle(periodKey: string, state: 'published' | 'in_review' = 'published'): Promise<void> {
  await deps.store.cycles.insert({ id: `c-${periodKey}`, periodKey, templateId: 'default', templateVersion: 1, state, createdAt: T0, createdBy: 'hr', updatedAt: T0 });
}

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await get('mgr')), name: 'Mia Manager' });
  await deps.store.people.put({ ...(await get('hr')), name: 'Hana HR' });
  await deps.store.people.put({ ...(await get('ann')), name: 'Ann Lee' });
  await deps.store.people.put({ ...(await get('bob')), name: 'Bob Wu' });
  await publishedCycle('2026-Q3');
  const adj = { id: 'adj1', delta: 2, reason: 'closed Acme renewal on 30 Sep, booked in October', by: 'mgr' };
  await deps.store.results.insertMany([
    result('ann', '2026-Q3', 1, card('ann', '2026-Q3', { total: 88.5, grade: 'B', mult: 1, visits: [30, 36, 83.3] })),
    result('ann', '2026-Q3', 2, card('ann', '2026-Q3', { total: 92.5, base: 90.5, grade: 'A', mult: 1.2, visits: [34, 36, 94.4], adjustments: [adj] }), { bonusAmount: 12000, awardIds: ['aw1'] }),
    result('bob', '2026-Q3', 1, card('bob', '2026-Q3', { total: 41, grade: 'D', mult: 0, penalty: true, visits: [18, 36, 50] })),
  ]);
  await deps.store.awards.insert({ id: 'aw1', periodKey: '2026-Q3', repId: 'ann', title: 'Deal of the quarter', reason: 'the Acme renewal, largest of the year', grantedBy: 'mgr', state: 'approved', createdAt: T0 });
});
afterEach(() => deps.cleanup());

/** The file's text (the decoder drops the BOM, checked byte by byte where it matters). */
const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const csvOf = (files: { name: string; content: Uint8Array }[]) => text(files.find((f) => f.name.endsWith('.csv'))!.content);
async function sheetOf(files: { name: string; content: Uint8Array }[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files.find((f) => f.name.endsWith('.xlsx'))!.content) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('/export results', () => {
  it('exports each rep’s latest published version as CSV (BOM, CRLF) with hand-checked values', async () => {
    const e = await exportResults(deps, await get('hr'), { period: '2026-q3' });
    expect([e.periodKey, e.version, e.rows, e.files.map((f) => f.name)]).toEqual(['2026-Q3', null, 2, ['results-2026-Q3.csv', 'results-2026-Q3.xlsx']]);
    const csv = e.files[0]!;
    expect(csv.mimeType).toBe('text/csv');
    expect([...csv.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvOf(e.files).split('\r\n');
    expect(lines[0]).toBe(
      'Rep,Team,Manager,Period,Version,Total,Base total,Adjustments,Adjustment reasons,Grade,Bonus multiplier,Bonus amount,Penalty,Awards,' +
        'Revenue actual,Revenue target,Revenue score,Client visits actual,Client visits target,Client visits score,' +
        'Template,Template version,Published at (Asia/Shanghai),Published by,Version reason',
    );
    // Highest total first; Oct 9 01:30 UTC is 09:30 in Shanghai.
    expect(lines[1]).toBe(
      'Ann Lee,East,Mia Manager,2026-Q3,2,92.5,90.5,2,"Mia Manager +2: closed Acme renewal on 30 Sep, booked in October",A,1.2,12000,no,Deal of the quarter,' +
        ',1500000,,34,36,94.4,default,1,2026-10-09 09:30,Hana HR,appeal accepted',
    );
    expect(lines[2]).toBe('Bob Wu,East,Mia Manager,2026-Q3,1,41,41,0,,D,0,,yes,,,1500000,,18,36,50,default,1,2026-10-09 09:30,Hana HR,first publication');
    expect(lines[3]).toBe('');
  });

  it('exports one version on request, and refuses a version nobody has', async () => {
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3', version: 1 });
    expect(e.files.map((f) => f.name)).toEqual(['results-2026-Q3-v1.csv', 'results-2026-Q3-v1.xlsx']);
    const lines = csvOf(e.files).split('\r\n');
    expect(lines[1]).toMatch(/^Ann Lee,East,Mia Manager,2026-Q3,1,88.5,88.5,0,,B,1,,no,Deal of the quarter,/);
    const err = await refusal(exportResults(deps, await get('hr'), { period: '2026-Q3', version: 3 }));
    expect(errorText('en', err)).toContain('No result of 2026-Q3 has a version 3');
    expect(errorText('zh-CN', err)).toContain('2026-Q3 没有任何结果的版本是 3');
  });

  it('writes an XLSX that reads back: header, numbers as numbers, text as text', async () => {
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    expect(e.files[1]!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await sheetOf(e.files);
    expect(sheet.name).toBe('Results 2026-Q3');
    expect(sheet.getRow(1).getCell(1).value).toBe('Rep');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const ann = sheet.getRow(2);
    expect([ann.getCell(1).value, ann.getCell(6).value, ann.getCell(10).value, ann.getCell(12).value]).toEqual(['Ann Lee', 92.5, 'A', 12000]);
    expect(ann.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(3).getCell(13).value).toBe('yes');
    expect(sheet.rowCount).toBe(3);
  });

  it('localises the headers for a Chinese-speaking HR (CSV and XLSX)', async () => {
    await deps.store.people.put({ ...(await get('hr')), locale: 'zh-CN', name: '韩娜' });
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    const [header, first] = csvOf(e.files).split('\r\n');
    expect(header).toMatch(/^销售,团队,经理,考核期,版本,总分,调整前总分,校准调整,调整原因,等级,奖金系数,奖金金额,处罚,特别奖励,/);
    expect(header).toContain('发布时间（Asia/Shanghai）');
    expect(first).toMatch(/,否,Deal of the quarter,.*,韩娜,appeal accepted$/);
    const sheet = await sheetOf(e.files);
    expect(sheet.name).toBe('结果 2026-Q3');
    expect(sheet.getRow(1).getCell(2).value).toBe('团队');
  });

  it('escapes text that a spreadsheet would run as a formula, in the CSV; the XLSX keeps it as plain text', async () => {
    await deps.store.people.put({ ...(await get('bob')), name: '=HYPERLINK("http://x","y")' });
    await deps.store.teams.put({ id: 'east', name: '@East', managerId: 'mgr', createdAt: T0 });
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    const lines = csvOf(e.files).split('\r\n');
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",'@East,Mia Manager,/);
    expect(lines[1]).toMatch(/^Ann Lee,'@East,/);
    const bob = (await sheetOf(e.files)).getRow(3).getCell(1);
    expect([bob.value, bob.type]).toEqual(['=HYPERLINK("http://x","y")', ExcelJS.ValueType.String]);
    expect([escapeFormula('+1'), escapeFormula('-2 visits'), escapeFormula('\tx'), escapeFormula('a=b')]).toEqual(["'+1", "'-2 visits", "'\tx", 'a=b']);
    // A negative number is a number, not text to escape.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv({ header: ['x'], rows: [[-1.5], [null]] }))).toBe('\uFEFFx\r\n-1.5\r\n\r\n');
  });

  it('refuses non-HR people, an unpublished period, a period without a cycle, and a bad period — in both languages', async () => {
    for (const id of ['ann', 'mgr']) {
      const err = await refusal(exportResults(deps, await get(id), { period: '2026-Q3' }));
      expect(errorText('en', err)).toContain('needs the hr role');
    }
    await publishedCycle('2026-Q4', 'in_review');
    for (const period of ['2026-Q4', '2026-Q2']) {
      const err = await refusal(exportResults(deps, await get('hr'), { period }));
      expect(errorText('en', err)).toContain(`${period} has no published results yet`);
      expect(errorText('zh-CN', err)).toContain(`${period} 还没有已发布的结果`);
    }
    expect(errorText('en', await refusal(exportResults(deps, await get('hr'), { period: '2026-Q5' })))).toContain('is not a period');
  });
});

describe('/export annual', () => {
  beforeEach(async () => {
    await publishedCycle('2026-Q1');
    await publishedCycle('2026-Q2', 'in_review');
    await deps.store.results.insertMany([
      result('ann', '2026-Q1', 1, card('ann', '2026-Q1', { total: 80, grade: 'B', mult: 1, visits: [30, 36, 83.3] })),
      // Frozen but not published (the Q2 cycle is still in review): left out.
      result('ann', '2026-Q2', 1, card('ann', '2026-Q2', { total: 10, grade: 'D', mult: 0, visits: [3, 36, 8.3] })),
    ]);
  });

  it('weights the published quarters (latest versions) into the year, with awards and the quarters used', async () => {
    const e = await exportAnnual(deps, await get('hr'), { year: '2026' });
    expect([e.year, e.quarters, e.rows, e.files.map((f) => f.name)]).toEqual([2026, ['2026-Q1', '2026-Q3'], 2, ['annual-2026.csv', 'annual-2026.xlsx']]);
    const lines = csvOf(e.files).split('\r\n');
    expect(lines[0]).toBe('Rep,Team,Manager,Year,Q1 total,Q1 grade,Q2 total,Q2 grade,Q3 total,Q3 grade,Q4 total,Q4 grade,Annual total,Annual grade,Bonus multiplier,Quarter weights,Awards,Quarters published');
    // Ann: (80 × 25 + 92.5 × 25) / 50 = 86.25 → B; Bob: Q3 only, 41 → D.
    expect(lines[1]).toBe('Ann Lee,East,Mia Manager,2026,80,B,,,92.5,A,,,86.25,B,1,Q1 25 / Q2 25 / Q3 25 / Q4 25,Deal of the quarter (2026-Q3),"2026-Q1, 2026-Q3"');
    expect(lines[2]).toBe('Bob Wu,East,Mia Manager,2026,,,,,41,D,,,41,D,0,Q1 25 / Q2 25 / Q3 25 / Q4 25,,"2026-Q1, 2026-Q3"');
    const sheet = await sheetOf(e.files);
    expect([sheet.name, sheet.getRow(2).getCell(13).value]).toEqual(['Annual 2026', 86.25]);
  });

  it('refuses a year with no published quarter, a bad year and a non-HR person', async () => {
    const none = await refusal(exportAnnual(deps, await get('hr'), { year: '2025' }));
    expect(errorText('en', none)).toContain('No quarter of 2025 is published');
    expect(errorText('zh-CN', none)).toContain('2025 年还没有已发布的季度');
    expect(errorText('en', await refusal(exportAnnual(deps, await get('hr'), { year: '2026-Q3' })))).toContain('"2026-Q3" is not a year');
    expect(errorText('en', await refusal(exportAnnual(deps, await get('mgr'), { year: '2026' })))).toContain('needs the hr role');
  });
});

describe('/export in chat', () => {
  const ask = async (who: string, text: string) => exportAnswer(deps, await get(who), plainRequest(text, ['slack']));

  it('answers with the files and says what was exported', async () => {
    const a = await ask('hr', 'results 2026-Q3 version 2');
    expect(a.files?.map((f) => f.name)).toEqual(['results-2026-Q3-v2.csv', 'results-2026-Q3-v2.xlsx']);
    const shown = renderText(a.view);
    expect(shown).toContain('2026-Q3 results (version 2): 1 row(s).');
    expect(shown).toContain('results-2026-Q3-v2.csv, results-2026-Q3-v2.xlsx');
    const annual = await ask('hr', 'annual 2026');
    expect(renderText(annual.view)).toContain('Annual summary 2026: 2 row(s) (2026-Q3 published).');
  });

  it('shows the usage for a missing or unknown kind, refuses a bad version and non-HR people', async () => {
    expect(renderText((await ask('hr', '')).view)).toContain('/export results <period> [version N]');
    expect(renderText((await ask('hr', 'payroll')).view)).toContain('/export annual <year>');
    await expect(ask('hr', 'results 2026-Q3 version two')).rejects.toMatchObject({ params: { messageId: 'export.error.version' } });
    await expect(ask('ann', 'results 2026-Q3')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ask('ann', '')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
