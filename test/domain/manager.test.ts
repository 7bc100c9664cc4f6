import { describe, expect, it } from 'vitest';
import { managerCandidates, managerIdOf } from '../../src/domain/model/manager.js';
import type { Person, Team } from '../../src/domain/model/people.js';

/** "The rep's manager", the one rule every use case shares (domain/model/manager.ts). */
const teams = new Map<string, Pick<Team, 'managerId'>>([
  ['east', { managerId: 'mgr' }],
  ['north', { managerId: 'coach' }],
  ['open', {}],
]);
const people = new Map<string, Pick<Person, 'active'>>([
  ['mgr', { active: true }],
  ['coach', { active: true }],
  ['boss', { active: true }],
  ['gone', { active: false }],
  ['gone2', { active: false }],
]);
const org = { teams, people };
const rep = (over: Partial<Pick<Person, 'managerId' | 'teamId'>> = {}, id = 'ann') => ({ id, ...over });

describe('managerIdOf', () => {
  it('is the manager named on the rep, even when the team has another', () => {
    expect(managerIdOf(rep({ managerId: 'boss', teamId: 'east' }), org)).toBe('boss');
  });

  it('is the team’s manager when the rep names none', () => {
    expect(managerIdOf(rep({ teamId: 'east' }), org)).toBe('mgr');
  });

  it('is never the person: a player-coach managing his own team has none, his reps have him', () => {
    expect(managerIdOf(rep({ teamId: 'north' }, 'coach'), org)).toBeNull();
    expect(managerIdOf(rep({ teamId: 'north' }, 'dan'), org)).toBe('coach');
    expect(managerIdOf(rep({ managerId: 'boss', teamId: 'north' }, 'coach'), org)).toBe('boss');
  });

  it('is nobody without a named manager and without a team (or a team without a manager)', () => {
    expect(managerIdOf(rep(), org)).toBeNull();
    expect(managerIdOf(rep({ teamId: 'open' }), org)).toBeNull();
    expect(managerIdOf(rep({ teamId: 'unknown-team' }), org)).toBeNull();
  });

  it('falls to the team’s manager when the named one has left, and to nobody when both have', () => {
    expect(managerIdOf(rep({ managerId: 'gone', teamId: 'east' }), org)).toBe('mgr');
    expect(managerIdOf(rep({ managerId: 'gone' }), org)).toBeNull();
    const allGone = { teams: new Map([['east', { managerId: 'gone2' }]]), people };
    expect(managerIdOf(rep({ managerId: 'gone', teamId: 'east' }), allGone)).toBeNull();
    expect(managerIdOf(rep({ managerId: 'deleted-person', teamId: 'east' }), org)).toBe('mgr');
  });

  it('lists each candidate once, in order', () => {
    expect(managerCandidates(rep({ managerId: 'mgr', teamId: 'east' }), teams)).toEqual(['mgr']);
    expect(managerCandidates(rep({ managerId: 'boss', teamId: 'east' }), teams)).toEqual(['boss', 'mgr']);
    expect(managerCandidates(rep({ teamId: 'north' }, 'coach'), teams)).toEqual([]);
  });
});
