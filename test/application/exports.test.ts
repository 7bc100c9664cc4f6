import { strFromU8, unzipSync } from 'fflate';
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
import { aCycle, anAward, aTeam } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
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
  await deps.store.cycles.insert(aCycle({ id: `c-${periodKey}`, periodKey, templateId: 'default', state, createdBy: 'hr' }));
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
  await deps.store.awards.insert(anAward({ repId: 'ann', title: 'Deal of the quarter', reason: 'the Acme renewal, largest of the year', grantedBy: 'mgr', state: 'approved' }));
});
afterEach(() => deps.cleanup());

/** The file's text (the decoder drops the BOM, checked byte by byte where it matters). */
const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const csvOf = (files: { name: string; content: Uint8Array }[]) => text(files.find((f) => f.name.endsWith('.csv'))!.content);
/**
 * Reads the XLSX back by unzipping it and reading the sheet XML (the way Excel does): the sheet's
 * name, each row's cells by column (shared strings resolved), each cell's type (s: text, n: number)
 * and whether the first row is bold and frozen.
 */
interface ReadSheet {
  name: string;
  rows: (string | number | null)[][];
  types: string[][];
  boldHeader: boolean;
  frozenHeader: boolean;
}
function readXlsx(bytes: Uint8Array): ReadSheet {
  const zip = unzipSync(bytes);
  const xml = (path: string) => strFromU8(zip[path] ?? new Uint8Array());
  const unescape = (x: string) => x.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheet = xml('xl/worksheets/sheet1.xml');
  const rows: (string | number | null)[][] = [];
  const types: string[][] = [];
  const styles = new Set<string>();
  for (const row of sheet.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const values: (string | number | null)[] = [];
    const kinds: string[] = [];
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const type = /t="(\w+)"/.exec(c[2]!)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
      if (/<f>/.test(c[3] ?? '')) kinds[col] = 'formula';
      else kinds[col] = type;
      values[col] = v === undefined ? null : type === 's' ? shared[Number(v)]! : Number(v);
      if (row[1] === '1') styles.add(/s="(\d+)"/.exec(c[2]!)?.[1] ?? '0');
    }
    rows[Number(row[1]) - 1] = Array.from(values, (v) => v ?? null);
    types[Number(row[1]) - 1] = Array.from(kinds, (k) => k ?? '');
  }
  const xfs = [...xml('xl/styles.xml').matchAll(/<xf ([^>]*)>/g)].map((m) => Number(/fontId="(\d+)"/.exec(m[1]!)?.[1] ?? 0));
  const fonts = [...xml('xl/styles.xml').matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!.includes('<b/>'));
  return {
    name: unescape(/<sheet [^>]*name="([^"]*)"/.exec(xml('xl/workbook.xml'))?.[1] ?? ''),
    rows,
    types,
    boldHeader: styles.size === 1 && [...styles].every((s) => fonts[xfs[Number(s)]!] === true),
    frozenHeader: /<pane ySplit="1"[^>]*state="frozen"/.test(sheet),
  };
}
const sheetOf = (files: { name: string; content: Uint8Array }[]) => readXlsx(files.find((f) => f.name.endsWith('.xlsx'))!.content);

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

  it('writes an XLSX that reads back: header bold and frozen, numbers as numbers, text as text', async () => {
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    expect(e.files[1]!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = sheetOf(e.files);
    expect([sheet.name, sheet.boldHeader, sheet.frozenHeader, sheet.rows.length]).toEqual(['Results 2026-Q3', true, true, 3]);
    expect(sheet.rows[0]!.slice(0, 6)).toEqual(['Rep', 'Team', 'Manager', 'Period', 'Version', 'Total']);
    expect(sheet.rows[1]!.slice(0, 14)).toEqual(['Ann Lee', 'East', 'Mia Manager', '2026-Q3', 2, 92.5, 90.5, 2, 'Mia Manager +2: closed Acme renewal on 30 Sep, booked in October', 'A', 1.2, 12000, 'no', 'Deal of the quarter']);
    expect(sheet.types[1]!.slice(4, 8)).toEqual(['n', 'n', 'n', 'n']);
    // Bob: no bonus amount, no revenue actual or score (empty cells), penalty yes.
    expect(sheet.rows[2]!.slice(10, 20)).toEqual([0, null, 'yes', null, null, 1500000, null, 18, 36, 50]);
    // The CSV and the XLSX say the same.
    const csvRows = csvOf(e.files).trimEnd().split('\r\n');
    expect(sheet.rows.map((r) => r.length)).toEqual(csvRows.map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length));
  });

  it('localises the headers for a Chinese-speaking HR (CSV and XLSX)', async () => {
    await deps.store.people.put({ ...(await get('hr')), locale: 'zh-CN', name: '韩娜' });
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    const [header, first] = csvOf(e.files).split('\r\n');
    expect(header).toMatch(/^销售,团队,经理,考核期,版本,总分,调整前总分,校准调整,调整原因,等级,奖金系数,奖金金额,需绩效改进,特别奖励,/);
    expect(header).toContain('发布时间（Asia/Shanghai）');
    expect(first).toMatch(/,否,Deal of the quarter,.*,韩娜,appeal accepted$/);
    const sheet = sheetOf(e.files);
    expect(sheet.name).toBe('结果 2026-Q3');
    expect(sheet.rows[0]!.slice(0, 3)).toEqual(['销售', '团队', '经理']);
    expect(sheet.rows[1]![23]).toBe('韩娜');
  });

  it('escapes text that a spreadsheet would run as a formula, in the CSV; the XLSX keeps it as plain text', async () => {
    await deps.store.people.put({ ...(await get('bob')), name: '=HYPERLINK("http://x","y")' });
    await deps.store.teams.put(aTeam({ id: 'east', name: '@East & <Co>', managerId: 'mgr' }));
    const e = await exportResults(deps, await get('hr'), { period: '2026-Q3' });
    const lines = csvOf(e.files).split('\r\n');
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",'@East & <Co>,Mia Manager,/);
    expect(lines[1]).toMatch(/^Ann Lee,'@East & <Co>,/);
    const sheet = sheetOf(e.files);
    expect([sheet.rows[2]![0], sheet.types[2]![0]]).toEqual(['=HYPERLINK("http://x","y")', 's']);
    expect([sheet.rows[2]![1], sheet.types[2]![1]]).toEqual(['@East & <Co>', 's']);
    expect([escapeFormula('+1'), escapeFormula('-2 visits'), escapeFormula('\tx'), escapeFormula('a=b')]).toEqual(["'+1", "'-2 visits", "'\tx", 'a=b']);
    // A negative number is a number, not text to escape.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv({ header: ['x'], rows: [[-1.5], [null]] }))).toBe('\uFEFFx\r\n-1.5\r\n\r\n');
  });

  it('refuses non-HR people, an unpublished period, a period without a cycle, and a bad period — in both languages', async () => {
    for (const id of ['ann', 'mgr']) {
      const err = await refusal(exportResults(deps, await get(id), { period: '2026-Q3' }));
      expect(errorText('en', err)).toContain('needs the HR role');
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
    const sheet = sheetOf(e.files);
    expect([sheet.name, sheet.rows[1]![12], sheet.rows[1]![13]]).toEqual(['Annual 2026', 86.25, 'B']);
  });

  it('refuses a year with no published quarter, a bad year and a non-HR person', async () => {
    const none = await refusal(exportAnnual(deps, await get('hr'), { year: '2025' }));
    expect(errorText('en', none)).toContain('No quarter of 2025 is published');
    expect(errorText('zh-CN', none)).toContain('2025 年还没有已发布的季度');
    expect(errorText('en', await refusal(exportAnnual(deps, await get('hr'), { year: '2026-Q3' })))).toContain('"2026-Q3" is not a year');
    expect(errorText('en', await refusal(exportAnnual(deps, await get('mgr'), { year: '2026' })))).toContain('needs the HR role');
  });
});

describe('/export in chat', () => {
  const ask = async (who: string, text: string) => exportAnswer(deps, await get(who), plainRequest(text, ['slack']));

  it('answers with the files and says what was exported', async () => {
    const a = await ask('hr', 'results 2026-Q3 version 2');
    expect(a.files?.map((f) => f.name)).toEqual(['results-2026-Q3-v2.csv', 'results-2026-Q3-v2.xlsx']);
    const shown = renderText(a.view);
    expect(shown).toContain('2026-Q3 results (version 2): 1 row.');
    expect(shown).toContain('results-2026-Q3-v2.csv, results-2026-Q3-v2.xlsx');
    const annual = await ask('hr', 'annual 2026');
    expect(renderText(annual.view)).toContain('Annual summary 2026: 2 rows (2026-Q3 published).');
  });

  it('shows the usage for a missing or unknown kind, refuses a bad version and non-HR people', async () => {
    expect(renderText((await ask('hr', '')).view)).toContain('/export results <period> [version N]');
    expect(renderText((await ask('hr', 'payroll')).view)).toContain('/export annual <year>');
    expect(renderText((await ask('hr', 'results')).view)).toContain('/export results <period> [version N]');
    expect(renderText((await ask('hr', 'annual')).view)).toContain('/export annual <year>');
    await expect(ask('hr', 'results 2026-Q3 version two')).rejects.toMatchObject({ params: { messageId: 'export.error.version' } });
    await expect(ask('ann', 'results 2026-Q3')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A rep may export their own activities: the bare command shows that usage only.
    const repUsage = renderText((await ask('ann', '')).view);
    expect(repUsage).toContain('/export activities');
    expect(repUsage).not.toContain('/export results');
  });
});
