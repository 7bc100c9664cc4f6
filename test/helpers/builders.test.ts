import { describe, expect, it } from 'vitest';
import { type CollectionName, validateRecord } from '../../src/domain/records.js';
import * as b from './builders.js';

/**
 * Every builder's default is a valid record of its collection, already complete: parsing it with
 * the collection's zod schema accepts it and changes nothing (no default left to fill in). An
 * override is a valid record too when the overridden values are.
 */
const DEFAULTS: [string, CollectionName, () => object][] = [
  ['aPerson', 'people', () => b.aPerson()],
  ['aRep', 'people', () => b.aRep()],
  ['aManager', 'people', () => b.aManager()],
  ['anHr', 'people', () => b.anHr()],
  ['aTeam', 'teams', () => b.aTeam()],
  ['anAccount', 'accounts', () => b.anAccount()],
  ['aVisit', 'activities', () => b.aVisit()],
  ['aDeal', 'deals', () => b.aDeal()],
  ['aPayment', 'payments', () => b.aPayment()],
  ['aFeedback', 'feedback', () => b.aFeedback()],
  ['aPeerReview', 'peerReviews', () => b.aPeerReview()],
  ['anIntel', 'intel', () => b.anIntel()],
  ['aCycle', 'cycles', () => b.aCycle()],
  ['aTargetRecord', 'targets', () => b.aTargetRecord({ indicator: 'revenue', scope: 'rep', scopeId: 'rep-1', value: 1_500_000 })],
  ['anAdjustment', 'adjustments', () => b.anAdjustment()],
  ['anAward', 'awards', () => b.anAward()],
  ['anInterview', 'interviews', () => b.anInterview()],
  ['aPlan', 'plans', () => b.aPlan()],
  ['anAppeal', 'appeals', () => b.anAppeal()],
  ['aLateEntry', 'lateEntries', () => b.aLateEntry()],
  ['aSelfReview', 'selfReviews', () => b.aSelfReview()],
  ['anAbsence', 'absences', () => b.anAbsence()],
];

describe('record builders', () => {
  it.each(DEFAULTS)('%s() is a complete, valid %s record', (_name, collection, build) => {
    const record = build();
    expect(validateRecord(collection, record)).toEqual(record);
  });

  it('derived fields follow the overrides they depend on', () => {
    expect(b.aRep({ id: 'ann' })).toMatchObject({ id: 'ann', name: 'ann', roles: ['rep'] });
    expect(b.anAccount({ name: 'Globex Trading' })).toMatchObject({ name: 'Globex Trading', nameKey: 'globex trading' });
    expect(b.aDeal({ amountBase: 5_000 })).toMatchObject({ amount: 5_000, amountBase: 5_000 });
    expect(b.aPayment({ dueDate: '2026-08-31' })).toMatchObject({ dueDate: '2026-08-31', receivedDate: '2026-08-31' });
    expect(b.aCycle({ periodKey: '2026-Q4' }).id).toBe('cycle-2026-Q4');
    expect(validateRecord('deals', b.aDeal({ id: 'd9', amount: 700, currency: 'USD', amountBase: 5_000 }))).toMatchObject({ amount: 700, amountBase: 5_000 });
  });
});
