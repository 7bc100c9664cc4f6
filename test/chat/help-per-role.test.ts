import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person, Role } from '../../src/domain/model/people.js';
import { say } from '../helpers/converse.js';
import { person, smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * `/appraisal help` shows each person the commands of the roles they hold, one section per role:
 * a rep is not handed the administration, an administrator is not handed the rep's forms, and a
 * person with several roles sees each of their sections, every command once.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
});
afterEach(() => deps.cleanup());

const helpFor = async (roles: Role[], locale: Person['locale'] = 'en'): Promise<string> => {
  const p = person(`p-${roles.join('-')}`, { roles, locale });
  await deps.store.people.put(p);
  // The console shows each command's Chinese alias beside it: left out here to read the English names.
  return (await say(deps, p, 'appraisal', 'help')).replace(/ \(\/[^)\s]+\)/g, '');
};
const headers = (text: string) => ['Your records (reps)', 'Scores and reports', 'Reviews (managers)', 'Review cycle (HR)', 'Administration'].filter((h) => text.includes(h));
const times = (text: string, s: string) => text.split(s).length - 1;

describe('help per role', () => {
  it('a rep: their records and their scores, nothing of managers, HR or administration', async () => {
    const text = await helpFor(['rep']);
    expect(headers(text)).toEqual(['Your records (reps)', 'Scores and reports']);
    for (const c of ['/visit — ', '/self-review — ', '/appeal — ', '/scorecard — ', '/ranking — ']) expect(text).toContain(c);
    for (const c of ['/cycle', '/publish-results', '/adjust', '/interview', '/audit', '/appraisal-admin']) expect(text).not.toContain(c);
  });

  it('a manager who does not sell: reviews, with the records he may log himself, no self-review', async () => {
    const text = await helpFor(['manager']);
    expect(headers(text)).toEqual(['Scores and reports', 'Reviews (managers)']);
    for (const c of ['/adjust — ', '/award — ', '/interview — ', '/visit — ']) expect(text).toContain(c);
    for (const c of ['/self-review', '/cycle', '/appraisal-admin']) expect(text).not.toContain(c);
  });

  it('HR: the cycle, appeals, reviews and the settings HR may change, not people or channels', async () => {
    const text = await helpFor(['hr']);
    expect(headers(text)).toEqual(['Scores and reports', 'Review cycle (HR)']);
    for (const c of ['/cycle — ', '/publish-results — ', '/audit — ', '/appeal — ', '/adjust — ', '/appraisal-admin ranking ', '/appraisal-admin policy ', '/appraisal-admin template ']) expect(text).toContain(c);
    for (const c of ['/appraisal-admin role', '/appraisal-admin team', '/appraisal-admin channel', '/appraisal-admin link', '/visit', '/self-review']) expect(text).not.toContain(c);
  });

  it('an administrator: administration, not the cycle nor the rep forms', async () => {
    const text = await helpFor(['admin']);
    expect(headers(text)).toEqual(['Scores and reports', 'Administration']);
    for (const c of ['role', 'team', 'channel', 'import', 'ranking', 'link', 'policy', 'template']) expect(text).toContain(`/appraisal-admin ${c} `);
    expect(text).toContain('role @user +hr | -rep | manager');
    for (const c of ['/cycle', '/visit', '/publish-results']) expect(text).not.toContain(c);
  });

  it('an administrator who is also HR sees both sections, each administration line once', async () => {
    const text = await helpFor(['hr', 'admin']);
    expect(headers(text)).toEqual(['Scores and reports', 'Review cycle (HR)', 'Administration']);
    expect(text).toContain('/cycle — ');
    for (const c of ['role', 'policy', 'template', 'ranking']) expect(times(text, `/appraisal-admin ${c} `), c).toBe(1);
  });

  it('a player-coach sees his rep and manager sections, /visit once under his records', async () => {
    const text = await helpFor(['rep', 'manager']);
    expect(headers(text)).toEqual(['Your records (reps)', 'Scores and reports', 'Reviews (managers)']);
    expect(times(text, '/visit — ')).toBe(1);
    expect(text.indexOf('/visit — ')).toBeLessThan(text.indexOf('Scores and reports'));
    expect(text).toContain('/interview — ');
  });

  it('in Chinese, with the Chinese section titles', async () => {
    const text = await helpFor(['rep'], 'zh-CN');
    expect(text).toContain('我的记录（销售代表）');
    expect(text).toContain('成绩与报表');
    expect(text).not.toContain('考核周期（人力资源部）');
  });
});
