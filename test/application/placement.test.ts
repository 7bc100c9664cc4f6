import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRanking } from '../../src/application/get-ranking.js';
import { importCsv } from '../../src/application/people/import-csv.js';
import { linkIdentity } from '../../src/application/people/link-identity.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { quarterOf } from '../../src/domain/period.js';
import { person, smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let admin: Person;
let newcomer: Person;
beforeEach(async () => {
  deps = testDeps();
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  admin = await deps.store.people.put(person('ada', { roles: ['admin'] }));
  newcomer = await deps.store.people.put(person('nina', { identities: ['slack:UNINA'], unplaced: true }));
});
afterEach(() => deps.cleanup());

const ranking = (actor: Person) => getRanking(deps, actor, { period: quarterOf('2026-11-26') });

describe('placing a newcomer', () => {
  it('refuses the ranking to a newcomer, and to nobody who was never marked one (a rep without a team included)', async () => {
    await expect(ranking(newcomer)).rejects.toMatchObject({ code: 'FORBIDDEN', params: { messageId: 'access.unplaced' } });
    const loner = await deps.store.people.put(person('lone'));
    await expect(ranking(loner)).resolves.toMatchObject({ period: { key: '2026-Q4' } });
  });

  it('counts an import as placing them', async () => {
    await importCsv(deps, admin, { kind: 'people', csv: 'identity,name,role\nslack:UNINA,Nina New,rep' });
    const nina = (await deps.store.people.get('nina'))!;
    expect(nina.unplaced).toBeUndefined();
    await expect(ranking(nina)).resolves.toBeTruthy();
  });

  it('counts an admin’s link as placing them', async () => {
    await linkIdentity(deps, admin, { personId: 'nina', identity: 'lark:ou_ninanew' });
    expect((await deps.store.people.get('nina'))!.unplaced).toBeUndefined();
  });
});
