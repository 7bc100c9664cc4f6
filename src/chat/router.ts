import type { AppDeps } from '../application/deps.js';
import { isAppError } from '../domain/errors.js';
import { hasRole, type Person } from '../domain/model/people.js';
import { errorText, fieldErrors } from '../views/errors.js';
import type { FormId } from '../views/forms/form.js';
import { HOME_ACTIONS } from '../views/home-view.js';
import { t, type MessageKey } from '../views/i18n.js';
import { REMINDER_ACTIONS } from '../views/job-views.js';
import { adminAnswer, mentionsUsers } from './admin.js';
import { APPEAL_ACCEPT, APPEAL_REJECT, appealDecisionButton } from './appeal-decision.js';
import { ADMIN_DECISIONS } from './admin-confirm.js';
import { CALIBRATION_DECISIONS } from './calibration.js';
import type { CommandName, EntryCommand } from './commands.js';
import { deleteAnswer, editFormAgain, editFormFor, entriesAnswer, isEditRef, submitEdit } from './entry-edit.js';
import { entryForm, followUpForm, formAgain, formCanOpen, isFormId, submitEntryForm } from './entry-forms.js';
import { queueIntelPost } from './intel-post.js';
import { INTERVIEW_DECISIONS } from './interviews.js';
import { LATE_ENTRY_DECISIONS } from './lifecycle.js';
import { unknownMentionError } from './mentions.js';
import { jsonCodec, oncePerRequest } from './once.js';
import { platformOf, textView, type ChatAnswer, type ChatInput, type ChatRequest, type DecisionHandler, type FormRef, type FormToOpen } from './port.js';
import { helpAnswer, periodAndRest, rankingAnswer, scorecardAnswer } from './reports.js';
import { reviewAnswer, REVIEW_COMMANDS, type ReviewCommand } from './review.js';
import { REWARD_DECISIONS } from './rewards.js';
import { isSurveyRequest, surveyAnswer } from './survey.js';
import { LEAVE_DECISIONS } from './self-and-leave.js';

/**
 * The router: the one file that knows every feature. Each platform adapter hands it a `ChatInput`
 * (chat/port.ts) and renders the answer; nothing here knows a platform's markup.
 */

type CommandHandler = (deps: AppDeps, actor: Person, req: ChatRequest) => Promise<ChatAnswer>;

const review = (command: ReviewCommand): CommandHandler => (deps, actor, req) => reviewAnswer(deps, actor, command, req);
const reviewHandlers = Object.fromEntries(REVIEW_COMMANDS.map((c) => [c, review(c)])) as Record<ReviewCommand, CommandHandler>;

/** A bare entry command: its form, prefilled from the command's words, or why there is none (no open deals, no teammates). */
const entry =
  (name: EntryCommand): CommandHandler =>
  async (deps, actor, req) => {
    const form = await entryForm(deps, actor, name, req.words.join(' '));
    if (!formCanOpen(form)) return { view: textView(form.intro ?? '', form.title) };
    return { view: textView(form.title), form: { form } };
  };

/** One handler per command of the table (chat/commands.ts): the compiler refuses a command without one. */
const COMMAND_HANDLERS: Record<CommandName, CommandHandler> = {
  visit: entry('visit'),
  deal: entry('deal'),
  payment: entry('payment'),
  // `/feedback survey <account> [contact]`: a link for the customer to answer (chat/survey.ts); otherwise the form.
  feedback: (deps, actor, req) => (isSurveyRequest(req) ? oncePerRequest(deps, req.requestId, () => surveyAnswer(deps, actor, req), jsonCodec<ChatAnswer>()) : entry('feedback')(deps, actor, req)),
  intel: entry('intel'),
  'peer-review': entry('peer-review'),
  ...reviewHandlers,
  scorecard: async (deps, actor, req) => {
    // The person must be known already: naming someone never registers them.
    if (req.unknownUsers.length > 0) throw unknownMentionError(req.unknownUsers.slice(0, 1));
    const { period } = periodAndRest(req.words);
    const subject = req.users[0];
    try {
      return { view: await scorecardAnswer(deps, actor, { ...(subject ? { subject } : {}), ...(period ? { period } : {}) }) };
    } catch (e) {
      // A manager or HR asking for "my scorecard" has none: say how to see a rep's, and the team's.
      if (subject || hasRole(actor, 'rep') || !isAppError(e) || e.params.messageId !== 'error.notRepInPeriod') throw e;
      return { view: textView(t(actor.locale, 'scorecard.notRep', { period: String(e.params.period) })) };
    }
  },
  ranking: async (deps, actor, req) => {
    const { period, rest } = periodAndRest(req.words);
    return { view: await rankingAnswer(deps, actor, { ...(rest ? { teamName: rest } : {}), ...(period ? { period } : {}) }) };
  },
  appraisal: async (_deps, actor, req) => ({ view: helpAnswer(actor, platformOf(req)) }),
  'appraisal-admin': async (deps, actor, req) => {
    // Mentioned people count only for the subcommands that take them; one the bot does not know is refused.
    const needsUsers = mentionsUsers(req.words);
    if (needsUsers && req.unknownUsers.length > 0 && actor.roles.includes('admin')) throw unknownMentionError(req.unknownUsers);
    const view = await adminAnswer(deps, actor, {
      words: req.words,
      users: needsUsers ? req.users : [],
      ...(req.channel ? { channel: req.channel } : {}),
      ...(req.lines.length > 0 ? { csv: req.lines.join('\n') } : {}),
      ...(req.requestId ? { requestId: req.requestId } : {}),
    });
    return { view };
  },
  entries: (deps, actor) => entriesAnswer(deps, actor),
};


/** Buttons that decide something (`decide:…`): the answer replaces the message clicked. */
const DECISIONS: Record<string, DecisionHandler> = { ...ADMIN_DECISIONS, ...CALIBRATION_DECISIONS, ...LATE_ENTRY_DECISIONS, ...REWARD_DECISIONS, ...INTERVIEW_DECISIONS, ...LEAVE_DECISIONS };

type ButtonHandler = (deps: AppDeps, actor: Person, value: string, req: ChatRequest) => Promise<ChatAnswer>;

const opens = (f: FormToOpen): ChatAnswer => ({ view: textView(f.form.title), form: f });

/** The other buttons the bot draws: they open a form or change one's own entries. */
const BUTTONS: Record<string, ButtonHandler> = {
  [REMINDER_ACTIONS.logFollowUp]: async (deps, actor, value) => {
    let accountId: unknown;
    try {
      accountId = (JSON.parse(value) as { accountId?: unknown } | null)?.accountId;
    } catch {
      accountId = undefined;
    }
    return opens({ form: await followUpForm(deps, actor, typeof accountId === 'string' ? accountId : ''), kind: 'follow_up' });
  },
  [HOME_ACTIONS.logVisit]: async (deps, actor) => opens({ form: await entryForm(deps, actor, 'visit', '') }),
  [HOME_ACTIONS.logDeal]: async (deps, actor) => opens({ form: await entryForm(deps, actor, 'deal', '') }),
  [HOME_ACTIONS.editEntry]: async (deps, actor, value) => opens(await editFormFor(deps, actor, value)),
  [APPEAL_ACCEPT]: async (deps, actor, value) => opens(await appealDecisionButton('accept')(deps, actor, value)),
  [APPEAL_REJECT]: async (deps, actor, value) => opens(await appealDecisionButton('reject')(deps, actor, value)),
  [HOME_ACTIONS.deleteEntry]: (deps, actor, value, req) => oncePerRequest(deps, req.requestId, () => deleteAnswer(deps, actor, value), jsonCodec<ChatAnswer>()),
};

/** Every button a view of this version can draw (platforms route these ids here). */
export const isButtonAction = (action: string): boolean => Object.hasOwn(DECISIONS, action) || Object.hasOwn(BUTTONS, action) || action.startsWith('decide:');

async function button(deps: AppDeps, actor: Person, action: string, value: string, req: ChatRequest): Promise<ChatAnswer> {
  const decision = Object.hasOwn(DECISIONS, action) ? DECISIONS[action] : undefined;
  if (decision) {
    // A replayed click (same platform request id) gets the first answer and decides nothing.
    const view = await oncePerRequest(deps, req.requestId, () => decision(deps, actor, value, req.platforms), jsonCodec<ChatAnswer['view']>());
    return { view };
  }
  const handler = Object.hasOwn(BUTTONS, action) ? BUTTONS[action] : undefined;
  if (!handler) return { view: textView(t(actor.locale, 'decision.stale')), stale: true };
  return handler(deps, actor, value, req);
}

/** Whether a submission names a form this version has (an entry form or an edit). */
export const isFormRef = (form: string): boolean => isFormId(form) || isEditRef(form);

/**
 * A submitted form: stored → the confirmation; refused (bad input, a missing role, or an unexpected
 * failure such as the store refusing the write) → the reason, each problem under its field, and the
 * form again for a platform that must redraw it.
 */
async function submit(deps: AppDeps, actor: Person, { ref, values, request: req }: ChatInput & { type: 'submit' }): Promise<ChatAnswer> {
  const locale = actor.locale;
  try {
    if (isEditRef(ref.form)) return await submitEdit(deps, actor, ref, values);
    if (!isFormId(ref.form)) return { view: textView(t(locale, 'lark.staleCard')), stale: true };
    const formId: FormId = ref.form;
    const outcome = await submitEntryForm(deps, actor, { formId, values, requestId: req.requestId ?? `${platformOf(req)}:${deps.newId()}`, platform: platformOf(req), ...(ref.kind ? { kind: ref.kind } : {}) });
    const title = t(locale, `form.${formId}.title` as MessageKey);
    const queued = outcome.intel ? await queueIntelPost(deps, actor, outcome.intel, platformOf(req)) : 0;
    return { view: textView(outcome.text, title), saved: outcome.pending ? { pending: true } : {}, ...(queued > 0 ? { queued } : {}) };
  } catch (error) {
    // Every failure is a refusal here, the unexpected ones too (a store that said no): the platform
    // keeps the form with what was typed and says why, instead of losing the person's input.
    const formAgainFor = async (): Promise<FormToOpen | null> => {
      if (isEditRef(ref.form)) return editFormAgain(deps, actor, ref);
      if (!isFormId(ref.form)) return null;
      return { form: await formAgain(deps, actor, ref.form, ref.kind, values), ...(ref.kind ? { kind: ref.kind } : {}) };
    };
    const reason = errorText(locale, error);
    const issues = isAppError(error) ? error.issues : [];
    const retry = !isAppError(error) || error.code === 'UNAVAILABLE';
    return { view: textView(reason), refused: { error, fieldErrors: fieldErrors(locale, issues), reason, retry, formAgain: () => formAgainFor().catch(() => null) } };
  }
}

/** The conversation: every command, button and form submission of every platform. */
export async function converse(deps: AppDeps, actor: Person, input: ChatInput): Promise<ChatAnswer> {
  switch (input.type) {
    case 'command':
      return COMMAND_HANDLERS[input.command](deps, actor, input.request);
    case 'button':
      return button(deps, actor, input.action, input.value, input.request);
    case 'submit':
      return submit(deps, actor, input);
  }
}
