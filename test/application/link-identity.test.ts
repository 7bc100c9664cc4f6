import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkIdentity } from '../../src/application/people/link-identity.js';
import { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { person, smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { refusal } from '../helpers/refusal.js';

let deps: ReturnType<typeof testDeps>;
let admin: Person;
beforeEach(async () => {
  deps = testDeps();
  await smallOrg(deps.store);
  admin = await deps.store.people.put(person('ada', { roles: ['admin'], identities: ['lark:ou_adaadmin'] }));
});
afterEach(() => deps.cleanup());

describe('linkIdentity', () => {
  it('adds an identity nobody has, audited', async () => {
    const r = await linkIdentity(deps, admin, { personId: 'ann', identity: 'lark:ou_annlee' });
    expect(r).toMatchObject({ changed: true, identity: 'lark:ou_annlee', person: { id: 'ann', identities: ['slack:UANN', 'lark:ou_annlee'] } });
    expect((await deps.store.personByIdentity('lark:ou_annlee'))!.id).toBe('ann');
    expect(await deps.store.audit.find({ action: 'person.link' })).toEqual([expect.objectContaining({ actorId: 'ada', subjectId: 'ann', details: { identity: 'lark:ou_annlee' } })]);
  });

  it('says when the identity already is the person’s', async () => {
    expect(await linkIdentity(deps, admin, { personId: 'ann', identity: 'slack:UANN' })).toMatchObject({ changed: false, person: { name: 'ann' } });
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('merges the profile registered on first contact from the other platform', async () => {
    await deps.store.people.put(person('lark-ann', { name: '安', identities: ['lark:ou_annlee'] }));
    const r = await linkIdentity(deps, admin, { personId: 'ann', identity: 'lark:ou_annlee' });
    expect(r.merged).toEqual({ id: 'lark-ann', name: '安' });
    expect(await deps.store.people.get('lark-ann')).toBeNull();
    expect((await deps.store.people.get('ann'))!).toMatchObject({ name: 'ann', roles: ['rep'], teamId: 'east', identities: ['slack:UANN', 'lark:ou_annlee'] });
  });

  it('refuses to take the identity of someone with records, and changes nothing', async () => {
    await deps.store.activities.insertMany(visits('cat', 'acme', 1, '2026-10-05'));
    await deps.store.people.put({ ...(await deps.store.people.get('cat'))!, identities: ['lark:ou_catxu'] });
    const e = await refusal(linkIdentity(deps, admin, { personId: 'ann', identity: 'lark:ou_catxu' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.params).toMatchObject({ messageId: 'error.identityTaken', identity: 'lark:ou_catxu', name: 'cat', referencedBy: 'activities' });
    expect((await deps.store.personByIdentity('lark:ou_catxu'))!.id).toBe('cat');
    expect((await deps.store.people.get('ann'))!.identities).toEqual(['slack:UANN']);
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('refuses a manager of a team as well (a team refers to them)', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('mgr'))!, identities: ['lark:ou_miamgr'] });
    expect((await refusal(linkIdentity(deps, admin, { personId: 'hr', identity: 'lark:ou_miamgr' }))).params.messageId).toBe('error.identityTaken');
  });

  it('refuses a malformed identity, an unknown person, too many identities and a non-admin', async () => {
    expect((await refusal(linkIdentity(deps, admin, { personId: 'ann', identity: 'lark:bob' }))).params).toMatchObject({ messageId: 'error.identityFormat', identity: 'lark:bob' });
    expect((await refusal(linkIdentity(deps, admin, { personId: 'nobody', identity: 'lark:ou_nobody1' }))).code).toBe('NOT_FOUND');
    await deps.store.people.put({ ...(await deps.store.people.get('cat'))!, identities: Array.from({ length: 8 }, (_, i) => `console:cat${i}`) });
    expect((await refusal(linkIdentity(deps, admin, { personId: 'cat', identity: 'lark:ou_catxu' }))).params).toMatchObject({ messageId: 'error.tooManyIdentities', max: 8 });
    const ann = (await deps.store.people.get('ann'))!;
    expect((await refusal(linkIdentity(deps, ann, { personId: 'ann', identity: 'lark:ou_annlee' }))).code).toBe('FORBIDDEN');
  });
});
