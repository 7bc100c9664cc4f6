import type { CommandName } from '../../src/chat/commands.js';
import type { AppDeps } from '../../src/application/deps.js';
import type { CollectionName } from '../../src/domain/records.js';
import type { MessageKey } from '../../src/views/i18n.js';
import type { FieldValue } from '../slack/signing.js';
import type { FormId } from '../../src/views/forms/form.js';
import { IDS, PEOPLE, ROLES, type CaseContext, type MatrixRole } from './matrix-org.js';

/**
 * THE PERMISSION MODEL, as one table: for every command (with representative subcommands and
 * arguments), button and form, which roles are answered normally; everyone else gets the refusal
 * named here, in their own language, and nothing in the store changes. `effect` names the
 * collections an allowed run must change (the proof it did something).
 *
 * Roles (test/security/matrix-org.ts): repEast = ann (team East, manager mgrEast), repWest = cat
 * (West, and she has visits on ann's account Acme), mgrEast, mgrWest, admin, hr, coach (manager of
 * North and a rep in it), newcomer (never enrolled: their first message registers them).
 *
 * Derived from the role checks in src/application (guards.ts requireRole, permissions.ts
 * seesEveryone / manages) and the README's "who" column. HR and administrators "see everyone"
 * (permissions.ts): they read any scorecard, any account, any rep's activities.
 *
 * `@ann` / `@cat` in a text are mentions of those people, written the platform's way by the drivers.
 */

export type Refusal =
  /** The message the refused user reads (a catalogue key, so a typo does not compile). */
  | { key: MessageKey; params?: Record<string, string | number> }
  /** A form's field error (the shared schemas' English, translated by views/errors.ts). */
  | { issue: string };

export type Trigger =
  /** A command with its text (one text for both platforms, or one per platform). */
  | { type: 'command'; command: CommandName; text: string | { slack: string; lark: string } | ((c: CaseContext) => string) }
  /** A button on a message (Slack block action; Lark card callback) with its value. */
  | { type: 'button'; actionId: string; value: string | ((ctx: CaseContext) => string); slackOnly?: true }
  /** A submitted form (Slack view submission; Lark card form callback); `kind` rides along as the form's own data does. */
  | { type: 'submit'; form: FormId; kind?: string; slack: Record<string, FieldValue | undefined>; lark: Record<string, unknown>; slackEdit?: string };

export interface MatrixRow {
  /** What the row is, as the test names it. */
  name: string;
  trigger: Trigger;
  /** The roles answered normally (the newcomer's answer is in NEWCOMER). */
  allowed: readonly StaffRole[];
  /** The refusal the others get: one for all, or per role with a default. */
  refusal?: Refusal | ((role: MatrixRole) => Refusal);
  effect?: readonly CollectionName[];
  /** State the case needs beyond the organisation's (put there before the case, undone after). */
  given?: (deps: AppDeps) => Promise<void>;
  /**
   * Set when today's code does something else than this row says the product SHOULD do: the row is
   * run as `it.fails` on the roles concerned, naming the defect, until the code is fixed.
   */
  defect?: { roles: readonly MatrixRole[]; note: string; platforms?: readonly ('slack' | 'lark')[] };
}

/** Everyone but the newcomer: a row's `allowed` speaks of these; the newcomer's expectations are in NEWCOMER below. */
type StaffRole = Exclude<MatrixRole, 'newcomer'>;
const ALL = ROLES.filter((r): r is StaffRole => r !== 'newcomer');
const REPS = ['repEast', 'repWest', 'coach'] as const satisfies readonly MatrixRole[];
const MANAGERS = ['mgrEast', 'mgrWest', 'coach'] as const satisfies readonly MatrixRole[];
const LOGGERS = [...REPS, 'mgrEast', 'mgrWest'] as const satisfies readonly MatrixRole[];
/** ann herself, her manager, and those who see everyone. */
const ANNS_CIRCLE = ['repEast', 'mgrEast', 'hr', 'admin'] as const satisfies readonly MatrixRole[];

export const needs = (roles: string): Refusal => ({ key: 'error.needsRole', params: { roles } });
const byRole =
  (special: Partial<Record<MatrixRole, Refusal>>, otherwise: Refusal) =>
  (role: MatrixRole): Refusal =>
    special[role] ?? otherwise;

const cmd = (command: CommandName, text = ''): Trigger => ({ type: 'command', command, text });

const NOT_COACHS_MANAGER = (key: MessageKey): Refusal => ({ key, params: { name: 'Kai Coach' } });
const NOT_CATS_MANAGER: Refusal = { key: 'interview.error.notManager', params: { name: 'Cat Xu' } };

/** bob's appeal decided, so that 2026-Q3 may be closed. */
async function noPendingAppeals(deps: AppDeps): Promise<void> {
  for (const a of await deps.store.appeals.find()) await deps.store.appeals.put({ ...a, state: 'rejected', decidedBy: 'hr', decidedAt: deps.clock.now().toISOString(), decisionReason: 'Checked: the visits were counted' });
}

/** The current quarter's cycle back to collecting data (the fixture has it in review). */
async function q4Collecting(deps: AppDeps): Promise<void> {
  const [q4] = await deps.store.cycles.find({ periodKey: '2026-Q4' });
  await deps.store.cycles.put({ ...q4!, state: 'collecting' });
}

const NOT_ANNS_SCORECARD: Refusal = { key: 'error.scorecardForbidden', params: { subject: 'Ann Lee' } };
const NOT_ANNS_MANAGER = (key: MessageKey): Partial<Record<MatrixRole, Refusal>> => ({ mgrWest: { key, params: { name: 'Ann Lee' } }, coach: { key, params: { name: 'Ann Lee' } } });

const VISIT_SLACK = {
  account: { option: 'acme' },
  newAccountName: undefined,
  newAccountTier: { option: 'B' },
  date: { date: '2026-11-25' },
  mode: { option: 'in_person' },
  contacts: { text: 'Li Wei (CTO)' },
  purpose: { text: 'Quarterly review' },
  outcome: { text: 'Pilot agreed' },
  nextStep: { text: 'Send proposal' },
  nextStepDate: { date: '2026-12-01' },
} as const;
const VISIT_LARK = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01 +0800',
};

export const MATRIX: readonly MatrixRow[] = [
  // ── Entry forms: anyone may open one (nothing is stored); storing needs the rep or manager role.
  ...(['visit', 'deal', 'payment', 'feedback', 'intel', 'peer-review'] as const).map((c): MatrixRow => ({ name: `/${c} (opens its form)`, trigger: cmd(c), allowed: ALL })),
  { name: 'visit form submitted', trigger: { type: 'submit', form: 'visit', slack: VISIT_SLACK, lark: VISIT_LARK }, allowed: LOGGERS, refusal: needs('rep/manager'), effect: ['activities'] },
  {
    name: 'intel form submitted',
    trigger: { type: 'submit', form: 'intel', slack: { topic: { text: 'Rival price cut' }, text: { text: 'A rival cut prices by 10%' } }, lark: { topic: 'Rival price cut', text: 'A rival cut prices by 10%' } },
    allowed: LOGGERS,
    refusal: needs('rep/manager'),
    effect: ['intel'],
  },

  {
    name: 'deal form submitted',
    trigger: {
      type: 'submit',
      form: 'deal',
      slack: { account: { option: 'acme' }, newAccountName: undefined, newAccountTier: { option: 'B' }, amount: { number: '10000' }, currency: { option: 'CNY' }, units: { number: '5' }, product: { text: 'Robots' }, signedDate: { date: '2026-11-20' }, dueDate: undefined },
      lark: { account: 'acme', newAccountTier: 'B', amount: '10000', currency: 'CNY', units: '5', product: 'Robots', signedDate: '2026-11-20 +0800' },
    },
    allowed: LOGGERS,
    refusal: needs('rep/manager'),
    effect: ['deals'],
  },
  {
    // A payment is collected on one's own deal: ann's deal is unknown to anyone else.
    name: "payment form submitted (on ann's deal)",
    trigger: { type: 'submit', form: 'payment', slack: { dealId: { option: IDS.annDeal }, amount: { number: '4000' }, receivedDate: { date: '2026-11-25' } }, lark: { dealId: IDS.annDeal, amount: '4000', receivedDate: '2026-11-25 +0800' } },
    allowed: ['repEast'],
    refusal: byRole({ admin: needs('rep/manager'), hr: needs('rep/manager') }, { issue: 'unknown deal' }),
    effect: ['payments'],
  },
  {
    name: 'feedback form submitted',
    trigger: {
      type: 'submit',
      form: 'feedback',
      slack: { accountId: { option: 'acme' }, service: { option: '5' }, product: { option: '4' }, source: { option: 'survey' }, comment: { text: 'Quick answers' }, date: { date: '2026-11-26' } },
      lark: { accountId: 'acme', service: '5', product: '4', source: 'survey', comment: 'Quick answers', date: '2026-11-26 +0800' },
    },
    allowed: LOGGERS,
    refusal: needs('rep/manager'),
    effect: ['feedback'],
  },
  {
    // Peers are reviewed within one's team: bob is in East with ann and their manager.
    name: 'peer-review form submitted (of bob)',
    trigger: { type: 'submit', form: 'peer-review', slack: { toId: { option: 'bob' }, collaboration: { option: '4' }, comment: undefined }, lark: { toId: 'bob', collaboration: '4' } },
    allowed: ['repEast', 'mgrEast'],
    refusal: byRole({ admin: needs('rep/manager'), hr: needs('rep/manager') }, { issue: 'choose someone in your team' }),
    effect: ['peerReviews'],
  },
  {
    // The form's kind names the rep: a forged one is checked like the command.
    name: "interview form submitted (cat's 2026-Q3)",
    trigger: { type: 'submit', form: 'interview', kind: 'cat|2026-Q3', slack: { notes: { text: 'Good quarter' }, view: { text: 'Agrees' }, goals: { text: 'Two strategic visits a week by 2026-12-31' } }, lark: { notes: 'Good quarter', view: 'Agrees', goals: 'Two strategic visits a week by 2026-12-31' } },
    allowed: ['mgrWest', 'hr', 'admin'],
    refusal: { key: 'interview.error.notManager', params: { name: 'Cat Xu' } },
    effect: ['interviews', 'plans'],
    defect: {
      roles: ['repEast', 'repWest', 'mgrEast', 'coach', 'newcomer'],
      platforms: ['lark'],
      note: 'Lark answers the refused interview form with HTTP 500 (submit-form.ts rebuilds the form with formAgain, whose interviewLogForm throws the same refusal inside the catch): no refusal is shown, and Lark retries the callback',
    },
  },

  {
    // Slack's edit modal (opened by the Home's Edit button) names the entry in its callback id: a forged one changes nothing.
    name: "Slack edit modal submitted (ann's visit)",
    trigger: { type: 'submit', form: 'visit', slackEdit: `edit:visit:${IDS.annVisit}`, slack: { ...VISIT_SLACK, date: { date: '2026-10-06' }, outcome: { text: 'Quote sent' } }, lark: {} },
    allowed: ['repEast'],
    refusal: { key: 'error.unknownEntry' },
    effect: ['activities'],
  },

  // ── Reports
  // A manager, HR or an administrator has no scorecard of their own: they are told so.
  { name: '/scorecard (own)', trigger: cmd('scorecard'), allowed: REPS, refusal: (role) => ({ key: 'error.notRepInPeriod', params: { name: PEOPLE[role as keyof typeof PEOPLE].name, period: '2026-Q4' } }) },
  { name: '/scorecard @ann', trigger: cmd('scorecard', '@ann'), allowed: ANNS_CIRCLE, refusal: NOT_ANNS_SCORECARD },
  { name: '/scorecard @coach', trigger: cmd('scorecard', '@coach'), allowed: ['coach', 'hr', 'admin'], refusal: { key: 'error.scorecardForbidden', params: { subject: 'Kai Coach' } } },
  { name: '/ranking', trigger: cmd('ranking'), allowed: ALL },
  { name: '/appraisal help', trigger: cmd('appraisal', 'help'), allowed: ALL },

  // ── Administration: HR and administrators; people, identities and channels are the administrators' alone.
  { name: '/appraisal-admin (usage)', trigger: cmd('appraisal-admin'), allowed: ['admin', 'hr'], refusal: needs('admin/hr') },
  { name: '/appraisal-admin role @cat manager', trigger: cmd('appraisal-admin', 'role @cat manager'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  { name: '/appraisal-admin team @cat North', trigger: cmd('appraisal-admin', 'team @cat North'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  { name: '/appraisal-admin link @cat <identity>', trigger: cmd('appraisal-admin', 'link @cat slack:U0CATTWO'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  {
    name: '/appraisal-admin channel intel <channel>',
    trigger: { type: 'command', command: 'appraisal-admin', text: { slack: 'channel intel <#C0INTEL|intel>', lark: 'channel intel oc_intel01' } },
    allowed: ['admin'],
    refusal: byRole({ hr: needs('admin') }, needs('admin/hr')),
    effect: ['settings'],
  },
  { name: '/appraisal-admin ranking own_only', trigger: cmd('appraisal-admin', 'ranking own_only'), allowed: ['admin', 'hr'], refusal: needs('admin/hr'), effect: ['settings'] },
  { name: '/appraisal-admin policy appeal-window 10', trigger: cmd('appraisal-admin', 'policy appeal-window 10'), allowed: ['admin', 'hr'], refusal: needs('admin/hr'), effect: ['settings'] },
  { name: '/appraisal-admin template (show)', trigger: cmd('appraisal-admin', 'template'), allowed: ['admin', 'hr'], refusal: needs('admin/hr') },
  { name: '/appraisal-admin template export', trigger: cmd('appraisal-admin', 'template export'), allowed: ['admin', 'hr'], refusal: needs('admin/hr') },
  { name: '/appraisal-admin template tiers …', trigger: cmd('appraisal-admin', 'template tiers strategic 2 30 A 1 45 B 1 60 C 0.5 90'), allowed: ['admin', 'hr'], refusal: needs('admin/hr'), effect: ['templates'] },
  {
    name: '/appraisal-admin template import <json>',
    trigger: { type: 'command', command: 'appraisal-admin', text: (c) => `template import\n${c.templateJson}` },
    allowed: ['admin', 'hr'],
    refusal: needs('admin/hr'),
    effect: ['templates'],
  },
  { name: '/appraisal-admin template coverage 10', trigger: cmd('appraisal-admin', 'template coverage 10'), allowed: ['admin', 'hr'], refusal: needs('admin/hr'), effect: ['templates'] },
  {
    name: '/appraisal-admin import targets',
    trigger: cmd('appraisal-admin', 'import targets\nperiod,indicator,scope,target,value\n2026-Q4,visits,team,East,40'),
    allowed: ['admin', 'hr'],
    refusal: needs('admin/hr'),
    effect: ['targets'],
  },
  {
    name: '/appraisal-admin import people',
    trigger: cmd('appraisal-admin', 'import people\nidentity,name,role,team,join_date\nslack:U0DAN,Dan Du,rep,East,2026-11-01'),
    allowed: ['admin'],
    refusal: byRole({ hr: needs('admin') }, needs('admin/hr')),
    effect: ['people'],
  },

  // ── The review cycle: HR runs it; managers read the targets.
  { name: '/cycle (usage)', trigger: cmd('cycle'), allowed: ALL },
  { name: '/cycle status 2026-Q4', trigger: cmd('cycle', 'status 2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/cycle plan 2027-Q1', trigger: cmd('cycle', 'plan 2027-Q1'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'] },
  { name: '/cycle open 2027-Q1', trigger: cmd('cycle', 'open 2027-Q1'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'] },
  { name: '/cycle close 2026-Q3', trigger: cmd('cycle', 'close 2026-Q3'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'], given: noPendingAppeals },
  { name: '/cycle targets 2026-Q4 (list)', trigger: cmd('cycle', 'targets 2026-Q4'), allowed: ['hr', ...MANAGERS], refusal: needs('hr/manager') },
  { name: '/cycle targets 2026-Q4 visits 40 team East', trigger: cmd('cycle', 'targets 2026-Q4 visits 40 team East'), allowed: ['hr'], refusal: needs('hr'), effect: ['targets'] },
  { name: '/cycle meeting 2026-Q4 (show)', trigger: cmd('cycle', 'meeting 2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/cycle meeting 2026-Q4 <when> @ann', trigger: cmd('cycle', 'meeting 2026-Q4 2026-12-02 15:00 Room 5 @ann'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'] },
  { name: '/cycle calibrate 2026-Q4', trigger: cmd('cycle', 'calibrate 2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/cycle review 2026-Q4', trigger: cmd('cycle', 'review 2026-Q4'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'], given: q4Collecting },
  { name: '/publish-results 2026-Q4 (preview)', trigger: cmd('publish-results', '2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/publish-results 2026-Q4 confirm', trigger: cmd('publish-results', '2026-Q4 confirm'), allowed: ['hr'], refusal: needs('hr'), effect: ['results', 'cycles'] },

  // ── Calibration and rewards: HR, and the rep's own manager.
  {
    name: '/adjust @ann +3 <reason>',
    trigger: cmd('adjust', '@ann +3 Strong pipeline not yet in the numbers 2026-Q4'),
    allowed: ['hr', 'mgrEast'],
    refusal: byRole(NOT_ANNS_MANAGER('calibration.error.notYourRep'), needs('hr/manager')),
    effect: ['adjustments'],
  },
  {
    // The player-coach manages his own team: still nobody adjusts their own score.
    name: '/adjust @coach +3 <reason>',
    trigger: cmd('adjust', '@coach +3 Strong pipeline not yet in the numbers 2026-Q4'),
    allowed: ['hr'],
    refusal: byRole(
      { coach: { key: 'calibration.error.self' }, mgrEast: { key: 'calibration.error.notYourRep', params: { name: 'Kai Coach' } }, mgrWest: { key: 'calibration.error.notYourRep', params: { name: 'Kai Coach' } } },
      needs('hr/manager'),
    ),
    effect: ['adjustments'],
  },
  { name: '/award list 2026-Q4', trigger: cmd('award', 'list 2026-Q4'), allowed: ALL },
  {
    name: '/award @ann <title>: <reason>',
    trigger: cmd('award', '@ann Deal of the quarter: won the Acme framework 2026-Q4'),
    allowed: ['hr', 'mgrEast'],
    refusal: byRole(NOT_ANNS_MANAGER('rewards.error.notYourRep'), needs('hr/manager')),
    effect: ['awards'],
  },
  {
    // SHOULD: an award to oneself is never one's own to propose, even for the manager of one's own team.
    name: '/award @coach <title>: <reason>',
    trigger: cmd('award', '@coach Deal of the quarter: won the Initech framework 2026-Q4'),
    allowed: ['hr'],
    refusal: byRole({ mgrEast: NOT_COACHS_MANAGER('rewards.error.notYourRep'), mgrWest: NOT_COACHS_MANAGER('rewards.error.notYourRep'), coach: NOT_COACHS_MANAGER('rewards.error.notYourRep') }, needs('hr/manager')),
    effect: ['awards'],
    defect: { roles: ['coach'], note: 'a player-coach may propose a special award for himself (award-grant.ts: managerIdOf(rep) is the team manager, who is the rep)' },
  },
  { name: '/appeal (own)', trigger: cmd('appeal'), allowed: ALL },
  {
    name: '/appeal 2026-Q3 <reason>',
    trigger: cmd('appeal', '2026-Q3 My August visits were not all counted'),
    allowed: ['repEast', 'repWest', 'coach'],
    refusal: { key: 'rewards.error.appealRepOnly' },
    effect: ['appeals'],
  },
  { name: '/appeal list', trigger: cmd('appeal', 'list'), allowed: ['hr'], refusal: needs('hr') },
  { name: "/appeal reject @bob <reason> (bob's pending appeal)", trigger: cmd('appeal', 'reject @bob The September visits were logged in October'), allowed: ['hr'], refusal: needs('hr'), effect: ['appeals'] },
  { name: "/appeal accept @bob +2 <reason> (bob's pending appeal)", trigger: cmd('appeal', 'accept @bob +2 Two visits were indeed missing'), allowed: ['hr'], refusal: needs('hr'), effect: ['appeals', 'results'] },
  { name: '/appeal help', trigger: cmd('appeal', 'help'), allowed: ALL },

  // ── Interviews: the rep's manager (and those who see everyone).
  { name: '/interview (overview)', trigger: cmd('interview'), allowed: ALL },
  // (ann's 2026-Q3 interview is already logged in the fixture: these are about cat, of West.)
  { name: '/interview @cat <when>', trigger: cmd('interview', '@cat 2026-12-03 10:00 Room 2'), allowed: ['mgrWest', 'hr', 'admin'], refusal: NOT_CATS_MANAGER, effect: ['interviews'] },
  { name: '/interview plan @cat 2026-Q3', trigger: cmd('interview', 'plan @cat 2026-Q3'), allowed: ['mgrWest', 'hr', 'admin'], refusal: NOT_CATS_MANAGER },
  {
    // SHOULD: nobody holds their own feedback interview, not even the manager of their own team.
    name: '/interview @coach <when>',
    trigger: cmd('interview', '@coach 2026-12-03 10:00 Room 2'),
    allowed: ['hr', 'admin'],
    refusal: { key: 'interview.error.notManager', params: { name: 'Kai Coach' } },
    effect: ['interviews'],
    defect: { roles: ['coach'], note: "a player-coach may schedule (and log) his own feedback interview (interview-access.ts: manages() is true for the manager of one's own team)" },
  },
  {
    name: '/interview log @cat 2026-Q3 (lines)',
    trigger: cmd('interview', 'log @cat 2026-Q3\nnotes: Talked through the pipeline\ngoal: Two new accounts by 2027-03-31'),
    allowed: ['mgrWest', 'hr', 'admin'],
    refusal: NOT_CATS_MANAGER,
    effect: ['plans'],
  },

  // ── Exports and the audit log: HR; everyone their own activities.
  { name: '/export activities (own)', trigger: cmd('export', 'activities 2026-10-01 2026-11-25'), allowed: ALL },
  { name: '/export activities @ann', trigger: cmd('export', 'activities @ann 2026-10-01 2026-11-25'), allowed: ANNS_CIRCLE, refusal: { key: 'export.error.notYours', params: { name: 'Ann Lee' } } },
  { name: '/export results 2026-Q3', trigger: cmd('export', 'results 2026-Q3'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/export audit 2026-Q4', trigger: cmd('export', 'audit 2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/audit', trigger: cmd('audit'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/audit peers 2026-Q4', trigger: cmd('audit', 'peers 2026-Q4'), allowed: ['hr'], refusal: needs('hr'), effect: ['audit'] },

  // ── Key accounts.
  { name: '/account dormant', trigger: cmd('account', 'dormant'), allowed: ALL },
  {
    // Scoping of /account show is being changed on another branch: its expectations live here.
    name: '/account show Acme',
    trigger: cmd('account', 'show Acme'),
    allowed: [...ANNS_CIRCLE, 'repWest'],
    refusal: { key: 'account.error.notVisible', params: { account: 'Acme' } },
  },
  {
    name: '/account reassign Acme @bob: <reason>',
    trigger: cmd('account', 'reassign Acme @bob: covering for Ann'),
    allowed: ['mgrEast', 'hr', 'admin'],
    refusal: { key: 'account.error.notYours', params: { account: 'Acme', owner: 'Ann Lee' } },
    effect: ['accounts'],
  },

  // ── Self-review and leave.
  // Self-reviews are written while the quarter's cycle collects data.
  { name: '/self-review (own)', trigger: cmd('self-review'), allowed: REPS, refusal: needs('rep'), given: q4Collecting },
  { name: '/self-review 4 3 5 <comment>', trigger: cmd('self-review', '4 3 5 Solid quarter'), allowed: REPS, refusal: needs('rep'), effect: ['selfReviews'], given: q4Collecting },
  { name: '/away (own list)', trigger: cmd('away'), allowed: ALL },
  { name: '/away <from> <to> (own)', trigger: cmd('away', '2026-12-10 2026-12-12 family'), allowed: ALL, effect: ['absences'] },
  { name: '/away @ann <from> <to>', trigger: cmd('away', '@ann 2026-12-10 2026-12-12'), allowed: ['repEast', 'hr', 'admin'], refusal: needs('admin/hr'), effect: ['absences'] },

  // ── Decision buttons: the handler checks the clicker, a forwarded button is no permission.
  { name: 'button decide:award.approve', trigger: { type: 'button', actionId: 'decide:award.approve', value: IDS.award }, allowed: ['hr'], refusal: needs('hr'), effect: ['awards'] },
  { name: 'button decide:award.reject', trigger: { type: 'button', actionId: 'decide:award.reject', value: IDS.award }, allowed: ['hr'], refusal: needs('hr'), effect: ['awards'] },
  { name: 'button decide:publish.confirm', trigger: { type: 'button', actionId: 'decide:publish.confirm', value: '2026-Q4' }, allowed: ['hr'], refusal: needs('hr'), effect: ['results'] },
  {
    name: 'button decide:late.approve',
    trigger: { type: 'button', actionId: 'decide:late.approve', value: IDS.late },
    allowed: ['mgrEast', 'hr'],
    refusal: { key: 'lifecycle.late.notYours', params: { manager: 'Mia Manager' } },
    effect: ['lateEntries', 'intel'],
  },
  { name: 'button decide:late.decline', trigger: { type: 'button', actionId: 'decide:late.decline', value: IDS.late }, allowed: ['mgrEast', 'hr'], refusal: { key: 'lifecycle.late.notYours', params: { manager: 'Mia Manager' } }, effect: ['lateEntries'] },
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

/**
 * ════ THE NEVER-ENROLLED USER ════
 * What someone the bot has never seen gets, row by row: their first message registers them as a
 * rep with no team and no manager (application/people/identify.ts), so today they are answered
 * like a rep wherever a rep is. 'refused' means the row's own refusal; a Refusal here is the
 * newcomer's own. Rows for the workspace/tenant check and for "unassigned newcomers see only their
 * own records" (being built on other branches) change this table.
 */
export const NEWCOMER: Readonly<Record<string, 'allowed' | 'refused' | Refusal>> = {
  '/visit (opens its form)': 'allowed',
  '/deal (opens its form)': 'allowed',
  '/payment (opens its form)': 'allowed',
  '/feedback (opens its form)': 'allowed',
  '/intel (opens its form)': 'allowed',
  '/peer-review (opens its form)': 'allowed',
  'visit form submitted': 'allowed',
  'intel form submitted': 'allowed',
  'deal form submitted': 'allowed',
  "payment form submitted (on ann's deal)": 'refused',
  'feedback form submitted': 'allowed',
  'peer-review form submitted (of bob)': 'refused',
  "interview form submitted (cat's 2026-Q3)": 'refused',
  "Slack edit modal submitted (ann's visit)": 'refused',
  '/scorecard (own)': 'allowed',
  '/scorecard @ann': 'refused',
  '/scorecard @coach': 'refused',
  '/ranking': 'allowed',
  '/appraisal help': 'allowed',
  '/appraisal-admin (usage)': 'refused',
  '/appraisal-admin role @cat manager': 'refused',
  '/appraisal-admin team @cat North': 'refused',
  '/appraisal-admin link @cat <identity>': 'refused',
  '/appraisal-admin channel intel <channel>': 'refused',
  '/appraisal-admin ranking own_only': 'refused',
  '/appraisal-admin policy appeal-window 10': 'refused',
  '/appraisal-admin template (show)': 'refused',
  '/appraisal-admin template export': 'refused',
  '/appraisal-admin template tiers …': 'refused',
  '/appraisal-admin template import <json>': 'refused',
  '/appraisal-admin template coverage 10': 'refused',
  '/appraisal-admin import targets': 'refused',
  '/appraisal-admin import people': 'refused',
  '/cycle (usage)': 'allowed',
  '/cycle status 2026-Q4': 'refused',
  '/cycle plan 2027-Q1': 'refused',
  '/cycle open 2027-Q1': 'refused',
  '/cycle close 2026-Q3': 'refused',
  '/cycle targets 2026-Q4 (list)': 'refused',
  '/cycle targets 2026-Q4 visits 40 team East': 'refused',
  '/cycle meeting 2026-Q4 (show)': 'refused',
  '/cycle meeting 2026-Q4 <when> @ann': 'refused',
  '/cycle calibrate 2026-Q4': 'refused',
  '/cycle review 2026-Q4': 'refused',
  '/publish-results 2026-Q4 (preview)': 'refused',
  '/publish-results 2026-Q4 confirm': 'refused',
  '/adjust @ann +3 <reason>': 'refused',
  '/adjust @coach +3 <reason>': 'refused',
  '/award list 2026-Q4': 'allowed',
  '/award @ann <title>: <reason>': 'refused',
  '/award @coach <title>: <reason>': 'refused',
  '/appeal (own)': 'allowed',
  // A rep, but with no result to appeal.
  '/appeal 2026-Q3 <reason>': { key: 'rewards.error.noResult', params: { period: '2026-Q3' } },
  '/appeal list': 'refused',
  "/appeal reject @bob <reason> (bob's pending appeal)": 'refused',
  "/appeal accept @bob +2 <reason> (bob's pending appeal)": 'refused',
  '/appeal help': 'allowed',
  '/interview (overview)': 'allowed',
  '/interview @cat <when>': 'refused',
  '/interview plan @cat 2026-Q3': 'refused',
  '/interview @coach <when>': 'refused',
  '/interview log @cat 2026-Q3 (lines)': 'refused',
  '/export activities (own)': 'allowed',
  '/export activities @ann': 'refused',
  '/export results 2026-Q3': 'refused',
  '/export audit 2026-Q4': 'refused',
  '/audit': 'refused',
  '/audit peers 2026-Q4': 'refused',
  '/account dormant': 'allowed',
  '/account show Acme': 'refused',
  '/account reassign Acme @bob: <reason>': 'refused',
  '/self-review (own)': 'allowed',
  '/self-review 4 3 5 <comment>': 'allowed',
  '/away (own list)': 'allowed',
  '/away <from> <to> (own)': 'allowed',
  '/away @ann <from> <to>': 'refused',
  'button decide:award.approve': 'refused',
  'button decide:award.reject': 'refused',
  'button decide:publish.confirm': 'refused',
  'button decide:late.approve': 'refused',
  'button decide:late.decline': 'refused',
  'button decide:plan.ack': 'refused',
  'button home.log-visit': 'allowed',
  'button home.log-deal': 'allowed',
  'button reminder.log-follow-up': 'allowed',
  "button entry.edit (ann's visit)": 'refused',
  "button entry.delete (ann's visit)": 'refused',
};

export const isAllowed = (row: MatrixRow, role: MatrixRole): boolean => (role === 'newcomer' ? NEWCOMER[row.name] === 'allowed' : row.allowed.includes(role));

export type { CaseContext };

export const refusalOf = (row: MatrixRow, role: MatrixRole): Refusal => {
  const own = role === 'newcomer' ? NEWCOMER[row.name] : undefined;
  if (typeof own === 'object') return own;
  if (!row.refusal) throw new Error(`${row.name}: no refusal given for ${role}`);
  return typeof row.refusal === 'function' ? row.refusal(role) : row.refusal;
};
