import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { CONSOLE } from './console-driver.js';
import type { PlatformDriver } from './driver.js';
import { LARK } from './lark-driver.js';
import { SLACK } from './slack-driver.js';

/**
 * One contract, every platform: each case of cases.ts runs against each adapter through its real
 * entry point. A case a platform cannot take part in is listed by its driver with the reason, and
 * the test checks that the driver indeed lacks what the case needs. A case today's adapter fails is
 * listed with the defect and runs as an expected failure (it.fails), so fixing it turns it red.
 */
for (const platform of [SLACK, LARK, CONSOLE]) {
  describe(`platform contract: ${platform.name}`, () => {
    let d: PlatformDriver;
    beforeEach(async () => {
      d = await platform.start();
    });
    afterEach(() => d.close());

    for (const c of CASES) {
      const reason = platform.notApplicable[c.id];
      const defect = platform.knownDefects?.[c.id];
      if (defect !== undefined) it.fails(`${c.name} — known defect: ${defect}`, () => c.run(d));
      else if (reason === undefined) it(c.name, () => c.run(d));
      else
        it(`${c.name} — not applicable: ${reason}`, () => {
          expect(c.needs.filter((hook) => d[hook] !== undefined)).toEqual([]);
          expect(c.needs.length).toBeGreaterThan(0);
        });
    }
  });
}
