import { describe, expect, it } from 'vitest';
import { peerReviewFlags, type PeerRating } from '../../src/domain/scoring/peer-flags.js';

const r = (fromId: string, toId: string, collaboration: number, periodKey = '2026-Q3'): PeerRating => ({ fromId, toId, collaboration, periodKey });

describe('peerReviewFlags', () => {
  it('flags a pair that rate each other 5 now and every earlier time, once', () => {
    const flags = peerReviewFlags([r('ann', 'bob', 5), r('bob', 'ann', 5), r('ann', 'bob', 5, '2026-Q2'), r('bob', 'ann', 5, '2026-Q2'), r('ann', 'cat', 4)], '2026-Q3');
    expect(flags).toEqual([{ kind: 'mutual-top', a: 'ann', b: 'bob', periods: 2 }]);
  });

  it('does not flag a pair when one of them rated less than top, now or before, or only one way', () => {
    expect(peerReviewFlags([r('ann', 'bob', 5), r('bob', 'ann', 4)], '2026-Q3')).toEqual([]);
    expect(peerReviewFlags([r('ann', 'bob', 5), r('bob', 'ann', 5), r('ann', 'bob', 3, '2026-Q2'), r('bob', 'ann', 5, '2026-Q2')], '2026-Q3')).toEqual([]);
    expect(peerReviewFlags([r('ann', 'bob', 5), r('cat', 'ann', 5)], '2026-Q3')).toEqual([]);
    // Later periods do not count against an earlier review.
    expect(peerReviewFlags([r('ann', 'bob', 5, '2026-Q2'), r('bob', 'ann', 5, '2026-Q2'), r('ann', 'bob', 1, '2026-Q3'), r('bob', 'ann', 1, '2026-Q3')], '2026-Q2')).toEqual([
      { kind: 'mutual-top', a: 'ann', b: 'bob', periods: 1 },
    ]);
  });

  it('flags a reviewer who gives the same rating to 3 or more people, not to 2', () => {
    const flags = peerReviewFlags([r('dan', 'ann', 3), r('dan', 'bob', 3), r('dan', 'cat', 3), r('eve', 'ann', 4), r('eve', 'bob', 4), r('fay', 'ann', 2), r('fay', 'bob', 3), r('fay', 'cat', 2)], '2026-Q3');
    expect(flags).toEqual([{ kind: 'same-rating', reviewerId: 'dan', rating: 3, count: 3 }]);
  });
});
