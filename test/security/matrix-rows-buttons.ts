import { IDS, type RoleUser } from './matrix-org.js';
import type { AppDeps } from '../../src/application/deps.js';
import { privilegedAnswer } from '../../src/chat/admin-confirm.js';
import { ALL, byRole, needs, type MatrixRow } from './matrix-types.js';

async function q3BackInReview(deps: AppDeps): Promise<void> {
  for (const r of await deps.store.results.find({ periodKey: '2026-Q3' })) await deps.store.results.delete(r.id);
  const [q3] = await deps.store.cycles.find({ periodKey: '2026-Q3' });
  await deps.store.cycles.put({ ...q3!, state: 'in_review' });
}

/**
 * The question an administrator (adm) is asked by `/appraisal-admin role @cat manager`, handed to
 * `user` as if they had asked it: the question's own asker is the only one who may answer it, so
 * each role clicks the question it asked (and is refused by role where it is not an admin).
 */
async function roleQuestion(user: RoleUser, deps: AppDeps): Promise<string> {
  const adm = (await deps.store.people.get('adm'))!;
  const cat = (await deps.store.people.get('cat'))!;
  const view = await privilegedAnswer(deps, adm, { sub: 'role', args: ['manager'], users: [cat] }, false);
  const [confirm] = view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  return JSON.stringify({ ...(JSON.parse(confirm!.value) as object), by: user.personId ?? 'nobody' });
}

/** Rows of the role matrix: the buttons on messages and on the App Home. */
export const BUTTON_ROWS: readonly MatrixRow[] = [
  // ── Decision buttons: the handler checks the clicker, a forwarded button is no permission.
  { name: 'button decide:award.approve', trigger: { type: 'button', actionId: 'decide:award.approve', value: IDS.award }, allowed: ['hr'], refusal: needs('hr'), effect: ['awards'] },
  { name: 'button decide:award.reject', trigger: { type: 'button', actionId: 'decide:award.reject', value: IDS.award }, allowed: ['hr'], refusal: needs('hr'), effect: ['awards'] },
  // The running 2026-Q4 cannot be published by a button (issue 14: only with a typed reason), so the
  // button publishes the ended 2026-Q3, taken back to review for the row.
  { name: 'button decide:publish.confirm', trigger: { type: 'button', actionId: 'decide:publish.confirm', value: '2026-Q3' }, allowed: ['hr'], refusal: needs('hr'), effect: ['results'], given: q3BackInReview },
  {
    name: 'button decide:late.approve',
    trigger: { type: 'button', actionId: 'decide:late.approve', value: IDS.late },
    allowed: ['mgrEast', 'hr'],
    refusal: { key: 'lifecycle.late.notYours', params: { manager: 'Mia Manager' } },
    effect: ['lateEntries', 'intel'],
  },
  { name: 'button decide:late.decline', trigger: { type: 'button', actionId: 'decide:late.decline', value: IDS.late }, allowed: ['mgrEast', 'hr'], refusal: { key: 'lifecycle.late.notYours', params: { manager: 'Mia Manager' } }, effect: ['lateEntries'] },
  { name: 'button decide:adjust.accept', trigger: { type: 'button', actionId: 'decide:adjust.accept', value: IDS.adjustment }, allowed: ['hr'], refusal: needs('hr'), effect: ['adjustments'] },
  { name: 'button decide:adjust.reject', trigger: { type: 'button', actionId: 'decide:adjust.reject', value: IDS.adjustment }, allowed: ['hr'], refusal: needs('hr'), effect: ['adjustments'] },
  ...(['decide:away.approve', 'decide:away.reject'] as const).map(
    (actionId): MatrixRow => ({
      name: `button ${actionId}`,
      trigger: { type: 'button', actionId, value: IDS.leave },
      allowed: ['mgrEast', 'hr'],
      refusal: byRole({ repEast: { key: 'fairness.away.ownDecision' } }, { key: 'fairness.away.notYours', params: { name: 'Ann Lee' } }),
      effect: ['absences'],
    }),
  ),
  // Accept… / Reject… of bob's appeal open HR's decision form (its submission: matrix-rows-entries.ts); only HR may open it.
  { name: "button appeal.accept (bob's #1)", trigger: { type: 'button', actionId: 'appeal.accept', value: IDS.appeal }, allowed: ['hr'], refusal: needs('hr') },
  { name: "button appeal.reject (bob's #1)", trigger: { type: 'button', actionId: 'appeal.reject', value: IDS.appeal }, allowed: ['hr'], refusal: needs('hr') },
  // Confirm / Cancel of a privileged change's question: only an administrator, and only the one who asked.
  { name: 'button decide:admin.confirm', trigger: { type: 'button', actionId: 'decide:admin.confirm', value: (_c, user, deps) => roleQuestion(user, deps) }, allowed: ['admin'], refusal: needs('admin'), effect: ['people'] },
  { name: 'button decide:admin.cancel', trigger: { type: 'button', actionId: 'decide:admin.cancel', value: (_c, user, deps) => roleQuestion(user, deps) }, allowed: ['admin'], refusal: needs('admin') },
  { name: 'button decide:plan.ack', trigger: { type: 'button', actionId: 'decide:plan.ack', value: (c) => c.planId }, allowed: ['repEast'], refusal: { key: 'plan.error.notYours', params: { name: 'Ann Lee' } }, effect: ['plans'] },

  // ── Other buttons: they open a form (anyone) or act on the clicker's own entry.
  { name: 'button home.log-visit', trigger: { type: 'button', actionId: 'home.log-visit', value: '' }, allowed: ALL },
  { name: 'button home.log-deal', trigger: { type: 'button', actionId: 'home.log-deal', value: '', slackOnly: true }, allowed: ALL },
  { name: 'button reminder.log-follow-up', trigger: { type: 'button', actionId: 'reminder.log-follow-up', value: '{"accountId":"acme"}' }, allowed: ALL },
  {
    name: "button entry.edit (ann's visit)",
    trigger: { type: 'button', actionId: 'entry.edit', value: JSON.stringify({ kind: 'visit', id: IDS.annVisit }), slackOnly: true },
    allowed: ['repEast'],
    refusal: { key: 'error.unknownEntry' },
  },
  {
    name: "button entry.delete (ann's visit)",
    trigger: { type: 'button', actionId: 'entry.delete', value: JSON.stringify({ kind: 'visit', id: IDS.annVisit }), slackOnly: true },
    allowed: ['repEast'],
    refusal: { key: 'error.unknownEntry' },
    effect: ['activities'],
  },
];
