import { AppError } from '../domain/errors.js';
import { hasRole, type Person, type Team } from '../domain/model/people.js';

/** HR and administrators see everyone. */
export const seesEveryone = (actor: Person): boolean => hasRole(actor, 'hr') || hasRole(actor, 'admin');

/**
 * Whether `actor` manages `subject`: directly, or as the manager of the subject's team. Nobody
 * manages themselves: a player-coach (manager of the team he sells in) is not his own manager, so
 * what needs "the rep's manager" about himself falls to HR.
 */
export function manages(actor: Person, subject: Person, subjectTeam: Team | null): boolean {
  if (!hasRole(actor, 'manager') || actor.id === subject.id) return false;
  return subject.managerId === actor.id || (subjectTeam !== null && subjectTeam.managerId === actor.id);
}

/** A rep sees their own scorecard, a manager their reps', HR everyone's. Others are refused. */
export function assertCanViewScorecard(actor: Person, subject: Person, subjectTeam: Team | null): void {
  if (actor.id === subject.id || seesEveryone(actor) || manages(actor, subject, subjectTeam)) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not see ${subject.name}'s scorecard`, {
    params: { messageId: 'error.scorecardForbidden', subject: subject.name },
  });
}
