import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueText } from '../../src/views/errors.js';
import { t } from '../../src/views/i18n.js';
import type { Driver } from './matrix-drivers.js';
import { newcomer, PEOPLE, ROLES, type MatrixRole, type RoleUser } from './matrix-org.js';
import { isAllowed, MATRIX, refusalOf, type MatrixRow } from './matrix-table.js';
import { roleAlternatives } from '../../src/views/labels.js';
import { diff, restore, snapshot, type Snapshot } from './store-snapshot.js';

/** A refusal names the roles it needs in the reader's language (views/errors.ts), as `roles` of error.needsRole. */
const rolesShown = (locale: 'en' | 'zh-CN', params: Record<string, string | number>): Record<string, string | number> =>
  typeof params.roles === 'string' ? { ...params, roles: roleAlternatives(locale, params.roles) } : params;

/**
 * Runs the whole matrix on one platform: one running app for the file, every row × role sent
 * through the real entry point. After each case the store is put back as it was, so every case
 * meets the same organisation.
 */
export function runMatrix(platform: 'slack' | 'lark', start: () => Promise<Driver>): void {
  let d: Driver;
  let baseline: Snapshot;

  beforeAll(async () => {
    d = await start();
    // Everyone's first contact is behind them (their profile refreshed from the platform), so a
    // case's only changes are its own.
    for (const u of Object.values(PEOPLE)) await d.send({ name: 'warm-up', trigger: { type: 'command', command: 'appraisal', text: 'help' }, allowed: [] }, u, '');
    baseline = await snapshot(d.deps.store);
  });
  afterAll(() => d?.close());

  async function run(row: MatrixRow, role: MatrixRole): Promise<void> {
    const user: RoleUser = role === 'newcomer' ? newcomer() : PEOPLE[role];
    if (role === 'newcomer') d.meet(user);
    let after: Snapshot | undefined;
    try {
      await row.given?.(d.deps);
      const value = row.trigger.type === 'button' ? (typeof row.trigger.value === 'function' ? await row.trigger.value(d.context, user, d.deps) : row.trigger.value) : '';
      const before = row.given ? await snapshot(d.deps.store) : baseline;
      const answer = await d.send(row, user, value);
      after = await snapshot(d.deps.store);
      // A first contact registers the newcomer: that record is theirs, not the command's effect.
      const changed = diff(before, after, (name, json) => role === 'newcomer' && name === 'people' && json.includes(`${platform}:${user[platform]}`));
      if (isAllowed(row, role)) {
        expect(answer.answered, `${row.name} as ${role}: no answer`).toBe(true);
        expect(answer.error, `${row.name} as ${role} was refused: ${answer.texts.slice(0, 600)}`).toBe(false);
        for (const c of row.effect ?? []) expect(Object.keys(changed), `${row.name} as ${role} did not change ${c}`).toContain(c);
      } else {
        const r = refusalOf(row, role);
        const expected = d.shown('issue' in r ? issueText(user.locale, r.issue) : t(user.locale, r.key, rolesShown(user.locale, r.params ?? {})));
        const said = answer.texts.includes(JSON.stringify(expected).slice(1, -1));
        expect(said, `${row.name} as ${role}: expected the refusal "${expected}", got ${answer.texts.slice(0, 600)}`).toBe(true);
        expect(changed, `${row.name} as ${role} was refused but changed the store`).toEqual({});
      }
    } finally {
      // Most cases change nothing: only put the store back when something differs from the baseline.
      if (!after || row.given || Object.keys(diff(baseline, after)).length > 0) await restore(d.deps.store, baseline, row.given ? undefined : after);
    }
  }

  for (const row of MATRIX) {
    if (platform === 'lark' && ((row.trigger.type === 'button' && row.trigger.slackOnly) || (row.trigger.type === 'submit' && row.trigger.slackEdit))) continue;
    describe(row.name, () => {
      for (const role of ROLES) {
        const allowed = isAllowed(row, role);
        const label = `${role}: ${allowed ? 'allowed' : 'refused'}`;
        if (row.defect?.roles.includes(role) && (row.defect.platforms ?? [platform]).includes(platform)) it.fails(`${label} — DEFECT: ${row.defect.note}`, () => run(row, role));
        else it(label, () => run(row, role));
      }
    });
  }
}
