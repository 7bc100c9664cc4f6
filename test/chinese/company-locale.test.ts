import { afterEach, describe, expect, it } from 'vitest';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { runJob } from '../../src/application/jobs/job.js';
import { weeklyRanking } from '../../src/application/jobs/weekly-ranking.js';
import { queueIntelPost } from '../../src/chat/intel-post.js';
import { loadConfig } from '../../src/config/config.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { T0, visits, smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { recipient, rewardsQuarter, SLACK } from '../application/rewards-fixture.js';

/** Channel posts are the company's: written in COMPANY_LOCALE, whatever the language of whoever caused them. */
const LARK = { LARK_APP_ID: 'cli_a1b2c3', LARK_APP_SECRET: 's3cret', LARK_VERIFICATION_TOKEN: 'vtoken', LARK_ENCRYPT_KEY: 'ekey', APPRAISAL_ADMINS: 'lark:ou_admin01' };
const SLACK_ENV = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', APPRAISAL_ADMINS: 'slack:U0ADMIN' };

describe('COMPANY_LOCALE', () => {
  it('defaults to Chinese when Lark is configured and to English otherwise', () => {
    expect(loadConfig(LARK).companyLocale).toBe('zh-CN');
    expect(loadConfig({ ...LARK, ...SLACK_ENV, APPRAISAL_ADMINS: 'lark:ou_admin01' }).companyLocale).toBe('zh-CN');
    expect(loadConfig(SLACK_ENV).companyLocale).toBe('en');
    expect(loadConfig({}).companyLocale).toBe('en');
  });

  it('is set by COMPANY_LOCALE, or else by an explicit DEFAULT_LOCALE', () => {
    expect(loadConfig({ ...LARK, COMPANY_LOCALE: 'en' }).companyLocale).toBe('en');
    expect(loadConfig({ ...SLACK_ENV, COMPANY_LOCALE: 'zh-CN' }).companyLocale).toBe('zh-CN');
    expect(loadConfig({ ...LARK, DEFAULT_LOCALE: 'en' }).companyLocale).toBe('en');
  });

  it('refuses a language the bot does not speak, naming the setting', () => {
    expect(() => loadConfig({ COMPANY_LOCALE: 'fr' })).toThrow(/COMPANY_LOCALE: is not a supported language/);
  });
});

describe('channel posts in the company’s language', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('the weekly ranking is posted in Chinese for a Chinese company', async () => {
    const deps = testDeps('2026-11-26T23:00:00Z');
    cleanup = deps.cleanup;
    deps.settings.companyLocale = 'zh-CN';
    await smallOrg(deps.store);
    await ensureDefaultTemplate(deps);
    await deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
    await deps.store.settings.put({ id: 'channels', value: { rankings: ['lark:oc_rank'] }, updatedAt: T0 });
    const r = await runJob(deps, weeklyRanking, { date: '2026-11-27', platforms: ['lark'], calendar: workCalendar({}), owner: 'a' });
    expect(r.deliveries[0]!.message.view!.title).toBe('每周排名（2026-Q4 至今）');
  });

  it('the results post is in the company’s language, not the publisher’s', async () => {
    const { deps, people } = await rewardsQuarter();
    cleanup = deps.cleanup;
    deps.settings.companyLocale = 'zh-CN';
    expect(people.hr.locale).toBe('en');
    await publishResults(deps, people.hr, { period: '2026-Q3', platforms: SLACK });
    const post = (await deps.store.outbox.find({ job: 'publish-results' })).find((o) => recipient(o) === 'slack:CRESULTS')!;
    expect((post.message.view as { title: string }).title).toBe('2026-Q3 考核结果');
  });

  it('an intel post is headed in the company’s language, not the author’s', async () => {
    const deps = testDeps('2026-11-26T23:00:00Z');
    cleanup = deps.cleanup;
    deps.settings.companyLocale = 'zh-CN';
    const author = { id: 'ann', name: 'Ann Lee', locale: 'en' } as Parameters<typeof queueIntelPost>[1];
    const entry = { id: 'i1', topic: 'Competitor price cut', text: 'Globex drops prices 10%' } as Parameters<typeof queueIntelPost>[2]['entry'];
    await queueIntelPost(deps, author, { entry, channels: ['oc_intel'] }, 'lark');
    const [msg] = await deps.store.outbox.find({ job: 'intel-post' });
    expect((msg!.message.view as { title: string }).title).toBe('Ann Lee 分享的市场情报：Competitor price cut');
  });
});
