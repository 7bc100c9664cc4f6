import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { AnswerFile } from '../../src/chat/port.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered } from './conversation.js';

/**
 * `/export` of published results and the annual summary, and `/audit`, in the shared conversation
 * (the platform-neutral part of test/slack/exports and test/lark/exports: what the files hold, the
 * answers and the refusals). Uploading the files, where they go, rate limits and each platform's
 * message size limit stay there. 2026-Q3 is published by HR (Hana HR) before each test.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, name: 'Hana HR' });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  for (const line of ['/cycle open 2026-Q3', '/cycle review 2026-Q3', '/publish-results 2026-Q3 confirm']) await ask(deps, 'hr', line);
  expect(await deps.store.results.count({ periodKey: '2026-Q3' })).toBe(2);
});
afterEach(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = [], unknown: string[] = []) => said(await ask(deps, who, line, { known, unknown }));
const csvOf = (file: AnswerFile): string => Buffer.from(file.content).toString('utf8');

describe('/export results and annual (shared conversation)', () => {
  it('answers HR with the CSV (byte-order mark, two-decimal scores, the publisher) and the XLSX, and says what they are', async () => {
    const a = await ask(deps, 'hr', '/export results 2026-Q3');
    expect(a.files!.map((f) => [f.name, f.title])).toEqual([
      ['results-2026-Q3.csv', '2026-Q3 published results (CSV)'],
      ['results-2026-Q3.xlsx', '2026-Q3 published results (XLSX)'],
    ]);
    const text = said(a);
    expect(text).toContain('2026-Q3 results: 2 rows.');
    expect(text).toContain('results-2026-Q3.csv, results-2026-Q3.xlsx');

    const csv = csvOf(a.files![0]!);
    expect([...a.files![0]!.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1)).toMatch(/^Rep,Team,Manager,Period,Version,Total,/);
    const ann = (await deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann' }))[0]!;
    const annRow = csv.split('\r\n').find((l) => l.startsWith('ann,'))!;
    expect(annRow.startsWith(`ann,East,mgr,2026-Q3,1,${ann.scorecard.total},${ann.scorecard.baseTotal},0,,${ann.scorecard.grade},`)).toBe(true);
    expect(annRow).toContain(',Hana HR,first publication');
    expect(annRow).toContain(',30,36,83.33,'); // 30 visits of 36 score 83.33
    // The XLSX is a zip (PK) with its sheet inside.
    expect(Buffer.from(a.files![1]!.content.subarray(0, 4)).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('the annual summary and a given version, by name and by the Chinese alias', async () => {
    const annual = await ask(deps, 'hr', '/导出 annual 2026');
    expect(said(annual)).toContain('Annual summary 2026: 2 rows (2026-Q3 published).');
    expect(annual.files!.map((f) => f.name)).toEqual(['annual-2026.csv', 'annual-2026.xlsx']);
    expect((await ask(deps, 'hr', '/export results 2026-Q3 version 1')).files!.map((f) => f.name)).toEqual(['results-2026-Q3-v1.csv', 'results-2026-Q3-v1.xlsx']);
  });

  it('refuses a rep, a manager and an unpublished period, with no file', async () => {
    for (const [who, line, why] of [
      ['ann', '/export results 2026-Q3', 'needs the HR role'],
      ['mgr', '/export results 2026-Q3', 'needs the HR role'],
      ['hr', '/export results 2026-Q2', '2026-Q2 has no published results yet'],
      ['hr', '/导出 results 2026-Q4', '2026-Q4 has no published results yet'],
    ] as const) {
      const a = await ask(deps, who, line);
      expect(said(a)).toContain(why);
      expect(a.files).toBeUndefined();
    }
  });
});

describe('/audit (shared conversation)', () => {
  it('lists the changes of a period newest first, about a mentioned person, and exports them; refuses a manager and an unknown mention', async () => {
    const shown = await say('hr', '/audit 2026-Q3');
    expect(shown).toContain('Audit log (in 2026-Q3)');
    expect(shown).toContain('Hana HR: published the 2026-Q3 results (version 1, 2 results)');
    expect(shown).toContain('Hana HR: opened the 2026-Q3 review cycle (template v1)');
    // One clock tick for the three changes: still newest first, in the order they were made.
    expect(shown.indexOf('published the')).toBeLessThan(shown.indexOf('moved the 2026-Q3 cycle to review'));
    expect(shown.indexOf('moved the 2026-Q3 cycle to review')).toBeLessThan(shown.indexOf('opened the'));
    expect(await say('hr', '/审计 2026-Q3 limit 2')).toContain('1 more not shown');
    expect(await say('hr', '/audit @ann', ['ann'])).toContain('Audit log (about ann)');
    expect(await say('hr', '/audit @zed', [], ['@zed'])).toContain('@zed is not known');
    expect(await say('mgr', '/audit')).toContain('needs the HR role');
    expect((await ask(deps, 'hr', '/export audit 2026-Q3')).files!.map((f) => f.name)).toEqual(['audit-2026-Q3.csv']);
  });

  it('/audit limit 200 keeps the newest 200 and counts the rest first', async () => {
    for (let i = 0; i < 205; i++) {
      deps.clock.advance(60_000);
      await deps.store.audit.insert({ id: `pol-${i}`, at: deps.clock.now().toISOString(), actorId: 'hr', action: 'setting.change', subjectId: 'cycle.policy', details: { reason: `policy tweak number ${i} for the quarter` } });
    }
    const shown = await say('hr', '/audit limit 200');
    expect(shown).toContain('8 more not shown'); // 205 + the 3 changes of the publication
    expect(shown).toContain('policy tweak number 204 for the quarter');
    expect(shown).toContain('policy tweak number 5 for the quarter');
    expect(shown).not.toContain('policy tweak number 4 for the quarter');
  });
});
