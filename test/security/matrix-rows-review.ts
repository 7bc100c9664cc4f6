import { ALL, ANNS_CIRCLE, byRole, cmd, MANAGERS, needs, NOT_ANNS_MANAGER, NOT_ANNS_SCORECARD, NOT_CATS_MANAGER, NOT_COACHS_MANAGER, noPendingAppeals, q4Collecting, REPS, type MatrixRow } from './matrix-types.js';

/** Rows of the role matrix: reports, administration, the review cycle, interviews, exports, accounts, self-review and leave. */
export const REVIEW_ROWS: readonly MatrixRow[] = [
  // ── Reports
  // A manager, HR or an administrator has no scorecard of their own: they are told so.
  // Someone who is not a rep has no scorecard of their own: told how to see a rep's and the team's.
  { name: '/scorecard (own)', trigger: cmd('scorecard'), allowed: REPS, refusal: { key: 'scorecard.notRep', params: { period: '2026-Q4' } } },
  { name: '/scorecard @ann', trigger: cmd('scorecard', '@ann'), allowed: ANNS_CIRCLE, refusal: NOT_ANNS_SCORECARD },
  { name: '/scorecard @coach', trigger: cmd('scorecard', '@coach'), allowed: ['coach', 'hr', 'admin'], refusal: { key: 'error.scorecardForbidden', params: { subject: 'Kai Coach' } } },
  { name: '/ranking', trigger: cmd('ranking'), allowed: ALL },
  { name: '/appraisal help', trigger: cmd('appraisal', 'help'), allowed: ALL },

  // ── Administration: HR and administrators; people, identities and channels are the administrators' alone.
  { name: '/appraisal-admin (usage)', trigger: cmd('appraisal-admin'), allowed: ['admin', 'hr'], refusal: needs('admin/hr') },
  // A change that names a person asks first (the exact person, Confirm / Cancel) and changes nothing;
  // typed with confirm at the end it changes at once. The buttons: matrix-rows-buttons.ts.
  { name: '/appraisal-admin role @cat manager', trigger: cmd('appraisal-admin', 'role @cat manager'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')) },
  { name: '/appraisal-admin role @cat manager confirm', trigger: cmd('appraisal-admin', 'role @cat manager confirm'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  // Roles are a set: one is removed, the others stay.
  { name: '/appraisal-admin role @coach -rep confirm', trigger: cmd('appraisal-admin', 'role @coach -rep confirm'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  { name: '/appraisal-admin team @cat North confirm', trigger: cmd('appraisal-admin', 'team @cat North confirm'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
  { name: '/appraisal-admin link @cat <identity> confirm', trigger: cmd('appraisal-admin', 'link @cat slack:U0CATTWO confirm'), allowed: ['admin'], refusal: byRole({ hr: needs('admin') }, needs('admin/hr')), effect: ['people'] },
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
  { name: '/cycle review 2026-Q4', trigger: cmd('cycle', 'review 2026-Q4 early the board needs the results'), allowed: ['hr'], refusal: needs('hr'), effect: ['cycles'], given: q4Collecting },
  { name: '/publish-results 2026-Q4 (preview)', trigger: cmd('publish-results', '2026-Q4'), allowed: ['hr'], refusal: needs('hr') },
  { name: '/publish-results 2026-Q4 confirm', trigger: cmd('publish-results', '2026-Q4 confirm early the board needs the results'), allowed: ['hr'], refusal: needs('hr'), effect: ['results', 'cycles'] },

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
    refusal: byRole({ mgrEast: NOT_COACHS_MANAGER('rewards.error.notYourRep'), mgrWest: NOT_COACHS_MANAGER('rewards.error.notYourRep'), coach: { key: 'rewards.error.selfAward' } }, needs('hr/manager')),
    effect: ['awards'],
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
    // The owner, their manager, HR and admins: cat's visit on Acme grants her nothing.
    name: '/account show Acme',
    trigger: cmd('account', 'show Acme'),
    allowed: ANNS_CIRCLE,
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
  // ── One's own entries, with Edit / Delete (the App Home as a message, on every platform).
  { name: '/entries (own)', trigger: cmd('entries'), allowed: ALL },
  { name: '/away <from> <to> (own)', trigger: cmd('away', '2026-12-10 2026-12-12 family'), allowed: ALL, effect: ['absences'] },
  { name: '/away @ann <from> <to>', trigger: cmd('away', '@ann 2026-12-10 2026-12-12'), allowed: ['repEast', 'hr', 'admin'], refusal: needs('admin/hr'), effect: ['absences'] },

];
