import { describe, expect, it } from 'vitest';
import { ActivitySchema, nextStepIssues } from '../../src/domain/model/entries.js';

/** A visit's next step, one rule for the stored record and the visit form (domain/model/entries.ts). */
describe('a visit’s next step', () => {
  const visit = { id: 'v1', repId: 'ann', accountId: 'acme', kind: 'visit', date: '2026-11-20', contacts: [], purpose: 'review', outcome: 'ok', createdAt: '2026-11-20T08:00:00.000Z' };
  const issuesOfRecord = (over: object) => {
    const r = ActivitySchema.safeParse({ ...visit, ...over });
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('may be absent, or a step alone, or a step with a date from the visit day on', () => {
    for (const ok of [{}, { nextStep: 'Send the quote' }, { nextStep: 'Send the quote', nextStepDate: '2026-11-20' }, { nextStep: 'Call', nextStepDate: '2026-12-01' }]) {
      expect(nextStepIssues({ date: visit.date, ...ok })).toEqual([]);
      expect(issuesOfRecord(ok)).toEqual([]);
    }
  });

  it('needs a step for a date, and a date not before the visit; the record schema says exactly the same', () => {
    const cases = [
      [{ nextStepDate: '2026-12-01' }, [{ path: 'nextStep', message: 'say what the next step is' }]],
      [{ nextStep: 'Call', nextStepDate: '2026-11-19' }, [{ path: 'nextStepDate', message: 'must not be before the visit date' }]],
      [{ nextStepDate: '2026-11-19' }, [{ path: 'nextStep', message: 'say what the next step is' }, { path: 'nextStepDate', message: 'must not be before the visit date' }]],
    ] as const;
    for (const [over, issues] of cases) {
      expect(nextStepIssues({ date: visit.date, ...over })).toEqual(issues);
      expect(issuesOfRecord(over)).toEqual(issues);
    }
  });
});
