import { AppError, isAppError } from '../../domain/errors.js';
import { IDENTITY_RE } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { placed } from './admin.js';

/** A person has at most this many platform identities (the person schema's limit). */
const MAX_IDENTITIES = 8;

export interface LinkResult {
  person: Person;
  identity: string;
  /** False when the identity already was this person's. */
  changed: boolean;
  /** The profile the identity had been registered under on first contact, merged into this person. */
  merged?: { id: string; name: string };
}

/** What a link would do, checked as the link checks it, without writing: the confirmation shows this. */
export interface LinkPreview {
  person: Person;
  identity: string;
  /** The profile that holds the identity now (registered on first contact), merged in by the link. */
  holder?: Person;
  /** False when the identity already is this person's. */
  changed: boolean;
}

export async function previewLink(deps: AppDeps, actor: Person, input: { personId: string; identity: string }): Promise<LinkPreview> {
  requireRole(actor, ['admin'], 'link identities');
  const identity = input.identity.trim();
  if (!IDENTITY_RE.test(identity)) {
    throw new AppError('VALIDATION', `not a platform identity: ${identity}`, {
      params: { messageId: 'error.identityFormat', identity },
      issues: [{ path: 'identity', message: 'must look like slack:U0123ABC or lark:ou_abc123' }],
    });
  }
  const person = await deps.store.people.get(input.personId);
  if (!person) throw new AppError('NOT_FOUND', `no person ${input.personId}`, { params: { messageId: 'error.unknownPerson' } });
  const holder = await deps.store.personByIdentity(identity);
  if (holder?.id === person.id) return { person, identity, changed: false };
  const identities = new Set([...person.identities, ...(holder ? holder.identities : [identity])]);
  if (identities.size > MAX_IDENTITIES) {
    throw new AppError('VALIDATION', `${person.name} would have more than ${MAX_IDENTITIES} identities`, { params: { messageId: 'error.tooManyIdentities', name: person.name, max: MAX_IDENTITIES } });
  }
  return { person, identity, changed: true, ...(holder ? { holder } : {}) };
}

/**
 * `/appraisal-admin link @user <slack:U…|lark:ou_…>`: one person across platforms. The identity is
 * added to the person. When someone already has it, that is the profile the bot registered when the
 * person first wrote from the other platform: it is merged in (its identities move over, the empty
 * profile is removed) as long as nothing refers to it. A profile with records (entries, reviews,
 * targets, a team it manages …) is never merged away: the store refuses to remove a referenced
 * person, and the admin is told to link the other way round. The person keeps their own roles.
 */
export async function linkIdentity(deps: AppDeps, actor: Person, input: { personId: string; identity: string }): Promise<LinkResult> {
  const { person, identity, holder, changed } = await previewLink(deps, actor, input);
  if (!changed) return { person, identity, changed: false };
  const identities = [...new Set([...person.identities, ...(holder ? holder.identities : [identity])])];
  if (holder) {
    try {
      await deps.store.people.delete(holder.id);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'CONFLICT') throw e;
      throw new AppError('CONFLICT', `${identity} belongs to ${holder.name} (${holder.id}), who has records`, {
        params: { messageId: 'error.identityTaken', identity, name: holder.name, referencedBy: e.params.referencedBy },
        cause: e,
      });
    }
  }
  let updated: Person;
  try {
    // An admin linking accounts vouches for the person: they are placed.
    updated = await deps.store.people.put({ ...placed(person), identities });
  } catch (e) {
    if (holder) await deps.store.people.put(holder);
    throw e;
  }
  await deps.store.audit.insert({
    id: deps.newId(),
    at: deps.clock.now().toISOString(),
    actorId: actor.id,
    action: 'person.link',
    subjectId: person.id,
    details: { identity, ...(holder ? { mergedFrom: holder.id, mergedName: holder.name, mergedIdentities: holder.identities } : {}) },
  });
  deps.logger.info({ personId: person.id, identity, mergedFrom: holder?.id }, 'linked a platform identity');
  return { person: updated, identity, changed: true, ...(holder ? { merged: { id: holder.id, name: holder.name } } : {}) };
}
