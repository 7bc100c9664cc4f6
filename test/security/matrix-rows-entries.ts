import { VISIT_VALUES } from '../slack/harness.js';
import { IDS } from './matrix-org.js';
import { ALL, byRole, cmd, LOGGERS, needs, type MatrixRow } from './matrix-types.js';

/** The harness's complete, valid /visit modal values (Acme, 2026-11-25). */
const VISIT_SLACK = VISIT_VALUES;
const VISIT_LARK = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01 +0800',
};


/** Rows of the role matrix: the entry forms, opened and submitted. */
export const ENTRY_ROWS: readonly MatrixRow[] = [
  // ── Entry forms: anyone may open one (nothing is stored); storing needs the rep or manager role.
  ...(['visit', 'deal', 'payment', 'feedback', 'intel', 'peer-review'] as const).map((c): MatrixRow => ({ name: `/${c} (opens its form)`, trigger: cmd(c), allowed: ALL })),
  // A one-time survey link for a customer contact (issue 14): a rep's own customers only.
  { name: '/feedback survey Acme Li Wei', trigger: cmd('feedback', 'survey Acme Li Wei'), allowed: ['repEast', 'repWest', 'coach'], refusal: { key: 'fairness.survey.repOnly' }, effect: ['surveys'] },
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
  },

  {
    // HR's appeal decision form: its kind names the appeal (#1, bob's); only HR decides.
    name: "appeal decision form submitted (reject bob's #1)",
    trigger: { type: 'submit', form: 'appeal-decision', kind: 'reject|1', slack: { reason: { text: 'The visits were outside the quarter' } }, lark: { reason: 'The visits were outside the quarter' } },
    allowed: ['hr'],
    refusal: needs('hr'),
    effect: ['appeals'],
  },

  {
    // Slack's edit modal (opened by the Home's Edit button) names the entry in its callback id: a forged one changes nothing.
    name: "Slack edit modal submitted (ann's visit)",
    trigger: { type: 'submit', form: 'visit', slackEdit: `edit:visit:${IDS.annVisit}`, slack: { ...VISIT_SLACK, date: { date: '2026-10-06' }, outcome: { text: 'Quote sent' } }, lark: {} },
    allowed: ['repEast'],
    refusal: { key: 'error.unknownEntry' },
    effect: ['activities'],
  },

];
