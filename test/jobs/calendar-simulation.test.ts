import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLISH_CONFIRM } from '../../src/views/cycle-views.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { converse } from '../../src/chat/router.js';
import { plainRequest } from '../../src/chat/review.js';
import type { CommandName } from '../../src/chat/commands.js';
import { addDays, zonedInstant } from '../../src/domain/dates.js';
import type { Person } from '../../src/domain/model/people.js';
import type { ChatAnswer } from '../../src/chat/port.js';
import { errorText } from '../../src/views/errors.js';
import { smallOrg, T0 } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * The review calendar over a simulated quarter (2026-Q4, entries open until 2027-01-05), walked
 * day by day on the injected clock while reps keep logging visits. HR drives the cycle through the
 * conversation (the same entry point every platform uses). Reviewing, publishing and closing are
 * refused while reps may still log, allowed early only with a reason (audited), and allowed
 * without one once the entry window is over.
 */
const TZ = 'Asia/Shanghai';
let deps: ReturnType<typeof testDeps>;
let hr: Person;

const say = (command: CommandName, text: string): Promise<ChatAnswer> =>
  converse(deps, hr, { type: 'command', command, request: plainRequest(text, ['slack']) });
const press = (action: string, value: string): Promise<ChatAnswer> =>
  converse(deps, hr, { type: 'button', action, value, request: plainRequest('', ['slack']) });
const textOf = (a: ChatAnswer): string => JSON.stringify(a.view.blocks);
const refused = async (p: Promise<unknown>): Promise<string> => errorText('en', await refusal(p));
const state = async (): Promise<string> => (await deps.store.cycles.find({ periodKey: '2026-Q4' }))[0]!.state;
const cycleAudit = async () => (await deps.store.audit.find({})).filter((e) => e.action.startsWith('cycle.'));

/** Walks the quarter from Oct 1 to `until`, 10:00 each day, logging a visit for each rep every third day and running `on[day]`. */
async function walk(until: string, on: Record<string, () => Promise<void>>): Promise<void> {
  let n = 0;
  for (let day = '2026-10-01'; day <= until; day = addDays(day, 1)) {
    deps.clock.set(zonedInstant(day, 10, 0, TZ));
    if (day <= '2026-12-31' && n++ % 3 === 0) {
      for (const repId of ['ann', 'bob', 'cat']) {
        await deps.store.activities.insert({ id: `${repId}-${day}`, repId, accountId: 'acme', kind: 'visit', date: day, contacts: [], purpose: 'review', outcome: 'ok', createdAt: T0 });
      }
    }
    await on[day]?.();
  }
}

beforeEach(async () => {
  deps = testDeps('2026-09-30T16:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  hr = (await deps.store.people.get('hr'))!;
  await deps.store.people.put({ ...hr, identities: ['slack:UHR'] });
  await say('cycle', 'open 2026-Q4 close 2027-01-05');
});
afterEach(() => deps.cleanup());

describe('the review calendar over a simulated quarter', () => {
  it('refuses reviewing before the entries close and says how many days remain; allows it after, with no override recorded', async () => {
    await walk('2027-01-06', {
      '2026-12-03': async () => {
        // 2026-12-03 → 2027-01-06 is 34 days: entries are open until 2027-01-05 inclusive.
        const status = textOf(await say('cycle', 'status 2026-Q4'));
        expect(status).toContain('Days left for entries');
        expect(status).toContain('34 (until 2027-01-05; review and publish from 2027-01-06)');
        expect(await refused(say('cycle', 'review 2026-Q4'))).toBe(
          '2026-Q4 is not over: reps can log entries for it until 2027-01-05 (days left: 34), and reviewing now would stop them. Review from 2027-01-06; if it cannot wait, say why: /cycle review 2026-Q4 early <reason>',
        );
        // An override without a real reason is refused too.
        expect(await refused(say('cycle', 'review 2026-Q4 early soon'))).toContain('say why it cannot wait (at least 10 characters, or 5 Chinese characters)');
        expect(await state()).toBe('collecting');
      },
      '2026-12-31': async () => {
        // The period's last day: still refused, the entry window runs on to the close date.
        expect(await refused(say('cycle', 'review 2026-Q4'))).toContain('(days left: 6)');
        expect(await state()).toBe('collecting');
      },
      '2027-01-06': async () => {
        expect(textOf(await say('cycle', 'status 2026-Q4'))).not.toContain('Days left for entries');
        expect(textOf(await say('cycle', 'review 2026-Q4'))).toContain('Review cycle 2026-Q4 is now in review.');
        const preview = await say('publish-results', '2026-Q4');
        expect(textOf(preview)).not.toContain('is not over');
        expect(preview.view.blocks.some((b) => b.type === 'actions')).toBe(true);
        expect(textOf(await press(PUBLISH_CONFIRM, '2026-Q4'))).toContain('2026-Q4');
        expect(await state()).toBe('published');
        expect(textOf(await say('cycle', 'close 2026-Q4'))).toContain('Review cycle 2026-Q4 is closed.');
      },
    });
    expect(await state()).toBe('closed');
    const moves = await cycleAudit();
    expect(moves.map((e) => e.action)).toEqual(['cycle.open', 'cycle.in_review', 'cycle.published', 'cycle.closed']);
    expect(moves.every((e) => e.details.early === undefined)).toBe(true);
  });

  it('allows reviewing, publishing and closing early only with a reason, each audited with the days cut off', async () => {
    const why = 'the board meets on 10 December and needs the results';
    await walk('2026-12-04', {
      '2026-12-03': async () => {
        expect(textOf(await say('cycle', `review 2026-Q4 early ${why}`))).toContain('before its entries close');
        expect(await state()).toBe('in_review');

        // The preview says how many days remain and offers no button: a button cannot carry a reason.
        const preview = await say('publish-results', '2026-Q4');
        expect(textOf(preview)).toContain('2026-Q4 is not over: reps can log entries for it until 2027-01-05 (days left: 34).');
        expect(textOf(preview)).toContain('/publish-results 2026-Q4 confirm early <reason>');
        expect(preview.view.blocks.some((b) => b.type === 'actions')).toBe(false);
        // Neither the typed confirmation nor an old Publish button publishes without the reason.
        expect(await refused(say('publish-results', '2026-Q4 confirm'))).toContain('publishing now would freeze results that are not final');
        expect(await refused(press(PUBLISH_CONFIRM, '2026-Q4'))).toContain('(days left: 34)');
        expect(await deps.store.results.count({ periodKey: '2026-Q4' })).toBe(0);

        expect(textOf(await say('publish-results', `2026-Q4 confirm early ${why}`))).toContain('2026-Q4');
        expect(await state()).toBe('published');
        expect(await refused(say('cycle', 'close 2026-Q4'))).toContain('Close it from 2027-01-06');
      },
      '2026-12-04': async () => {
        // The Chinese keyword works the same way.
        expect(textOf(await say('cycle', `close 2026-Q4 提前 ${why}`))).toContain('Review cycle 2026-Q4 is closed.');
      },
    });
    const moves = await cycleAudit();
    expect(moves.map((e) => [e.action, e.details.early ?? false, e.details.reason ?? null, e.details.daysLeft ?? null])).toEqual([
      ['cycle.open', false, null, null],
      ['cycle.in_review', true, why, 34],
      ['cycle.published', true, why, 34],
      ['cycle.closed', true, why, 33],
    ]);
  });

  it('takes a Chinese reason by its width: five characters are a reason, four are not', async () => {
    await walk('2026-12-03', {
      '2026-12-03': async () => {
        const short = await refusal(say('cycle', 'review 2026-Q4 提前 年底评审'));
        expect(errorText('zh-CN', short)).toContain('（至少 5 个汉字或 10 个字母）');
        expect(await state()).toBe('collecting');
        expect(textOf(await say('cycle', 'review 2026-Q4 提前 年底提前评审'))).toContain('before its entries close');
        expect(await state()).toBe('in_review');
      },
    });
    const moves = await cycleAudit();
    expect(moves.at(-1)?.details.reason).toBe('年底提前评审');
  });
});
