import { expect, vi } from 'vitest';
import { t } from '../../src/views/i18n.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { visits } from '../helpers/org.js';
import type { CaseId, PlatformDriver, Values } from './driver.js';

/**
 * The platform contract: what every chat platform adapter must do, written once. Each case drives
 * a platform only through its driver (signed requests to the running app, or the console's loop)
 * and checks what the person was shown and what the real embedded store holds.
 */
export interface ContractCase {
  id: CaseId;
  name: string;
  /** The optional driver hooks the case uses: a platform without them lists the case as not applicable. */
  needs: readonly (keyof PlatformDriver)[];
  run(d: PlatformDriver): Promise<void>;
}

/** A complete, valid visit (ann's account Acme, the day before the harnesses' 2026-11-26). */
export const VISIT: Values = {
  account: 'acme',
  newAccountTier: 'B',
  date: '2026-11-25',
  mode: 'in_person',
  contacts: 'Li Wei (CTO)',
  purpose: 'Quarterly review',
  outcome: 'Pilot agreed',
  nextStep: 'Send proposal',
  nextStepDate: '2026-12-01',
};

const CONFIRMED = t('en', 'confirm.visit', { kind: t('en', 'confirm.kind.visit'), account: 'Acme', date: '2026-11-25', count: 1, target: t('en', 'confirm.visit.target', { target: 36 }) });

async function openVisit(d: PlatformDriver): Promise<void> {
  expect((await d.open('ann', 'visit')).title).toBe(t('en', 'form.visit.title'));
}

async function claimOf(d: PlatformDriver, eventId: string) {
  return d.deps.store.processedEvents.get(d.claimKey!(eventId));
}
const at = (d: PlatformDriver, msFromNow: number) => new Date(d.deps.clock.now().getTime() + msFromNow).toISOString();

export const CASES: readonly ContractCase[] = [
  {
    id: 'open-form',
    name: 'a bare /visit opens the visit form and stores nothing',
    needs: [],
    async run(d) {
      await openVisit(d);
      expect(await d.deps.store.activities.count()).toBe(0);
    },
  },
  {
    id: 'form-with-kind',
    name: 'a command that opens a prefilled form (/interview log @ann) carries what it is about to the submission',
    needs: [],
    async run(d) {
      await addQ3Data(d.deps);
      await publishQ3(d.deps, (await d.deps.store.people.get('hr'))!);
      expect((await d.open('mgr', 'interview', 'log @ann')).title).not.toBeNull();
      const done = await d.submit('mgr', { notes: 'Strong deals, visits slipped in August', view: 'Agrees', goals: 'Two strategic visits a week by 2026-12-31' });
      expect(done.fieldErrors).toEqual({});
      // The form's kind (whose interview, which period) came back with the submission.
      expect(await d.deps.store.interviews.find({ repId: 'ann', periodKey: '2026-Q3' })).toEqual([expect.objectContaining({ state: 'held', notes: 'Strong deals, visits slipped in August' })]);
      expect((await d.deps.store.plans.find({ repId: 'ann' }))[0]?.goals).toEqual([expect.objectContaining({ text: 'Two strategic visits a week', dueDate: '2026-12-31' })]);
    },
  },
  {
    id: 'field-errors',
    name: 'a bad submission keeps the form open with the error next to its field, and stores nothing; the corrected one is stored',
    needs: [],
    async run(d) {
      await openVisit(d);
      const refused = await d.submit('ann', { ...VISIT, purpose: undefined });
      expect(refused.fieldErrors).toEqual({ purpose: 'is required' });
      expect(refused.stillOpen).toBe(true);
      expect(await d.deps.store.activities.count()).toBe(0);
      const fixed = await d.submit('ann', VISIT);
      expect(fixed.fieldErrors).toEqual({});
      expect(await d.deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ purpose: 'Quarterly review', date: '2026-11-25' })]);
    },
  },
  {
    id: 'stored',
    name: 'a valid submission is stored in the embedded store and confirmed with the quarter count',
    needs: [],
    async run(d) {
      await openVisit(d);
      const done = await d.submit('ann', VISIT);
      expect(done.fieldErrors).toEqual({});
      expect(done.text).toContain(CONFIRMED);
      expect(await d.deps.store.activities.find({ repId: 'ann' })).toEqual([
        expect.objectContaining({ kind: 'visit', accountId: 'acme', date: '2026-11-25', mode: 'in_person', contacts: ['Li Wei (CTO)'], purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01' }),
      ]);
    },
  },
  {
    id: 'submitted-twice',
    name: 'the same submission delivered twice is stored once and the second is told so',
    needs: ['resubmit'],
    async run(d) {
      await openVisit(d);
      await d.submit('ann', VISIT);
      const again = await d.resubmit!('ann');
      expect(again.text).toContain(t('en', 'confirm.duplicate'));
      expect(await d.deps.store.activities.count()).toBe(1);
    },
  },
  {
    id: 'decision-replaces',
    name: 'a decision button answers by replacing the message clicked; a refused click replaces nothing and decides nothing',
    needs: ['click'],
    async run(d) {
      await d.command('hr', 'cycle', 'open 2026-Q3 close 2026-10-10');
      await openVisit(d);
      await d.submit('ann', { ...VISIT, date: '2026-09-28', nextStepDate: '2026-10-20' });
      const [late] = await d.deps.store.lateEntries.find({ repId: 'ann' });
      expect(late).toMatchObject({ state: 'pending', managerId: 'mgr' });

      const forwarded = await d.click!('ann', 'decide:late.approve', late!.id);
      expect(forwarded.replacedClicked).toBe(false);
      expect(await d.deps.store.activities.count()).toBe(0);

      const approved = await d.click!('mgr', 'decide:late.approve', late!.id);
      expect(approved.replacedClicked).toBe(true);
      expect(approved.text).toContain(late!.summary);
      expect((await d.deps.store.lateEntries.get(late!.id))?.state).toBe('approved');
      expect(await d.deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ date: '2026-09-28', requestId: `late:${late!.id}` })]);
    },
  },
  {
    id: 'file-answer',
    name: '/export answers with the CSV and XLSX files, the CSV holding the records asked for',
    needs: [],
    async run(d) {
      await d.deps.store.activities.insertMany(visits('ann', 'acme', 3, '2026-10-05'));
      const text = await d.command('ann', 'export', 'activities 2026-10-01 2026-11-30');
      expect(text).toContain('3 records from 2026-10-01 to 2026-11-30');
      const files = await d.filesSent();
      expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^activities-.+-2026-10-01-2026-11-30\.csv$/), expect.stringMatching(/^activities-.+-2026-10-01-2026-11-30\.xlsx$/)]);
      const csv = files[0]!.content.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      expect(csv[0]).toMatch(/^Kind,Date,Rep,Account,/);
      expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['Visit,2026-10-05', 'Visit,2026-10-06', 'Visit,2026-10-07']);
      expect(files[1]!.content.subarray(0, 2).toString('latin1')).toBe('PK');
    },
  },
  {
    id: 'rate-limited',
    name: 'an answer the platform API refuses with its rate limit is retried after the wait it asks for, and delivered once',
    needs: ['rateLimitNextAnswer', 'rateLimitReport'],
    async run(d) {
      d.rateLimitNextAnswer!();
      await openVisit(d);
      const report = d.rateLimitReport!();
      expect(report.refused).toBe(1);
      if (report.waitedSeconds) expect(report.waitedSeconds).toEqual([2]);
    },
  },
  {
    id: 'redelivered-event',
    name: 'an event delivered again after it was handled is answered once',
    needs: ['event', 'eventAnswers', 'claimKey'],
    async run(d) {
      await d.event!('ann', 'Ev0001', false);
      expect(await claimOf(d, 'Ev0001')).toMatchObject({ state: 'done' });
      await d.event!('ann', 'Ev0001', true);
      expect(d.eventAnswers!('ann')).toBe(1);
    },
  },
  {
    id: 'redelivery-after-crash',
    name: 'the redelivery of an event whose first handler died mid-way (its claim expired) is handled',
    needs: ['event', 'eventAnswers', 'claimKey'],
    async run(d) {
      await d.deps.store.processedEvents.insert({ id: d.claimKey!('Ev0002'), receivedAt: at(d, -120_000), state: 'handling', claimExpiresAt: at(d, -60_000) });
      await d.event!('ann', 'Ev0002', true);
      expect(d.eventAnswers!('ann')).toBe(1);
      expect(await claimOf(d, 'Ev0002')).toMatchObject({ state: 'done' });
    },
  },
  {
    id: 'duplicate-while-handling',
    name: 'a duplicate of an event another replica is still handling is dropped',
    needs: ['event', 'eventAnswers', 'claimKey'],
    async run(d) {
      await d.deps.store.processedEvents.insert({ id: d.claimKey!('Ev0003'), receivedAt: at(d, 0), state: 'handling', claimExpiresAt: at(d, 60_000) });
      await d.event!('ann', 'Ev0003', true);
      expect(d.eventAnswers!('ann')).toBe(0);
    },
  },
  {
    id: 'unknown-mention',
    name: 'a mention of someone the bot has never seen registers nobody',
    needs: [],
    async run(d) {
      const before = await d.deps.store.people.count();
      const text = await d.command('hr', 'cycle', 'status 2026-Q4 @stranger');
      expect(text).not.toBe('');
      expect(await d.deps.store.people.count()).toBe(before);
    },
  },
  {
    id: 'known-mention',
    name: 'a mention right before punctuation (“@bob: reason”) is resolved to the person and the rest read as text',
    needs: [],
    async run(d) {
      await d.deps.store.activities.insertMany(visits('ann', 'acme', 1, '2026-10-05'));
      await d.command('mgr', 'account', 'reassign acme @bob: long project');
      expect((await d.deps.store.accounts.get('acme'))?.ownerId).toBe('bob');
      const [entry] = await d.deps.store.audit.find({ action: 'account.reassign' });
      expect(entry?.details).toMatchObject({ fromId: 'ann', toId: 'bob', reason: 'long project' });
    },
  },
  {
    id: 'stale-button',
    name: 'a decision button this version does not know is answered as out of date, deciding nothing',
    needs: ['click'],
    async run(d) {
      const { text } = await d.click!('ann', 'decide:nothing.here', 'x');
      const outOfDate = (['en', 'zh-CN'] as const).flatMap((l) => [t(l, 'decision.stale'), t(l, 'lark.staleCard')]);
      expect(outOfDate.filter((s) => text.includes(s))).toHaveLength(1);
      expect(await d.deps.store.audit.count()).toBe(0);
    },
  },
  {
    id: 'store-refused',
    name: 'a submission the store refuses (not a problem with the input) keeps the form with what was typed and says why; sent again, it is stored',
    needs: [],
    async run(d) {
      await openVisit(d);
      // The embedded database refuses the write with a constraint the store does not map to a coded error.
      const refusal = Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
      const write = vi.spyOn(d.deps.store, 'writeBatch').mockRejectedValueOnce(refusal);
      const refused = await d.submit('ann', VISIT);
      write.mockRestore();
      expect(refused.stillOpen).toBe(true);
      expect([refused.text, ...Object.values(refused.fieldErrors)].join('\n')).toContain(t('en', 'error.generic'));
      expect(await d.deps.store.activities.count()).toBe(0);
      // The same form, as it was filled in, submitted again.
      const again = await d.submit('ann', VISIT);
      expect(again.fieldErrors).toEqual({});
      expect(again.text).toContain(CONFIRMED);
      expect(await d.deps.store.activities.count()).toBe(1);
    },
  },
  {
    id: 'stale-button-language',
    name: 'the out-of-date answer to a stale button is in the clicker’s language',
    needs: ['click'],
    async run(d) {
      const { text } = await d.click!('ann', 'decide:nothing.here', 'x');
      expect(text).toContain(t('en', 'decision.stale'));
    },
  },
];
