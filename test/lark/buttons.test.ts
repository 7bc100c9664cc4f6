import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

type Answer = { toast?: { content: string }; card?: { type: string; data: { body: { elements: Record<string, unknown>[] } } } };

describe('buttons on the cards the bot sends', () => {
  it('“Log the follow-up” turns the reminder into the visit form for that account, kept as a follow-up', async () => {
    const res = await h.submit('ou_annlee', { action: 'reminder.log-follow-up', value: JSON.stringify({ accountId: 'globex', activityId: 'a1' }) }, {});
    const answer = res.json() as Answer;
    expect(answer.card?.type).toBe('raw');
    const json = JSON.stringify(answer.card!.data);
    expect(json).toContain('"form":"visit"');
    expect(json).toContain('"kind":"follow_up"');
    expect(json).toContain('"initial_option":"globex"');
  });

  it('“Log a visit” on a nudge opens an empty visit form', async () => {
    const res = await h.submit('ou_annlee', { action: 'home.log-visit', value: 'nudge' }, {});
    expect(JSON.stringify((res.json() as Answer).card!.data)).toContain('"form":"visit"');
  });

  it('says a card is out of date for a button it does not know', async () => {
    const res = await h.submit('ou_annlee', { action: 'entry.archive', value: '{}' }, {});
    // In the clicker's language (Ann reads English), as every platform says it.
    expect((res.json() as Answer).toast?.content).toBe('This button is out of date: run the command again.');
  });
});
