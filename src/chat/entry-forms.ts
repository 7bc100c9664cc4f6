import { jsonCodec, oncePerRequest } from './once.js';
import { rebuildInterviewForm, submitInterviewForm } from './interview-form.js';
import { formContext } from './form-context.js';
import type { AppDeps } from '../application/deps.js';
import { logDeal } from '../application/entries/log-deal.js';
import { logFeedback } from '../application/entries/log-feedback.js';
import { logPayment, openDeals } from '../application/entries/log-payment.js';
import { logVisit } from '../application/entries/log-visit.js';
import { shareIntel } from '../application/entries/share-intel.js';
import { reviewableTeammates, submitPeerReview } from '../application/entries/submit-peer-review.js';
import { today } from '../application/guards.js';
import { channelsFor } from '../application/settings.js';
import { accountNameKey } from '../domain/model/accounts.js';
import type { Intel } from '../domain/model/entries.js';
import type { Person } from '../domain/model/people.js';
import {
  dealConfirmation,
  feedbackConfirmation,
  intelConfirmation,
  paymentConfirmation,
  peerReviewConfirmation,
  visitConfirmation,
} from '../views/confirmations.js';
import { dealForm, feedbackForm, intelForm, paymentForm, peerReviewForm, visitForm } from '../views/forms/entry-forms.js';
import { readDealForm, readFeedbackForm, readIntelForm, readPaymentForm, readPeerReviewForm, readVisitForm } from './forms/entry-form-readers.js';
import type { Form, FormContext, FormId, FormValues, Option } from '../views/forms/form.js';
import type { EntryCommand } from './commands.js';
import { orLate } from './lifecycle.js';

/**
 * The entry forms as a conversation, shared by every platform: which form a command opens (with
 * what the command's text prefills), and what a submitted form does and answers. Platforms only
 * render the form and carry the values back.
 */

export type ChatDeps = AppDeps;


/** The best account for a command's text: an exact or leading name match. */
async function accountFromText(deps: ChatDeps, text: string): Promise<Option | undefined> {
  if (!text.trim()) return undefined;
  const [best] = await deps.store.searchAccounts(text, 1);
  return best && best.nameKey.startsWith(accountNameKey(text)) ? { value: best.id, label: best.name } : undefined;
}

const BUILDERS: Record<EntryCommand, (deps: ChatDeps, actor: Person, fc: FormContext, text: string) => Promise<Form>> = {
  visit: async (deps, _a, fc, text) => visitForm(fc, { account: await accountFromText(deps, text) }),
  deal: async (deps, _a, fc, text) => dealForm(fc, Object.keys(deps.settings.fxRates), deps.settings.paymentTermsDays, { account: await accountFromText(deps, text) }),
  payment: async (deps, actor, fc) => {
    const deals = await openDeals(deps, actor.id);
    const names = new Map<string, string>();
    for (const d of deals) if (!names.has(d.accountId)) names.set(d.accountId, (await deps.store.accounts.get(d.accountId))?.name ?? d.accountId);
    return paymentForm(fc, deals.map((d) => ({ ...d, accountName: names.get(d.accountId)! })));
  },
  feedback: async (deps, _a, fc, text) => feedbackForm(fc, { account: await accountFromText(deps, text) }),
  intel: async (_deps, _a, fc, text) => intelForm(fc, text.trim() ? { topic: text.trim().slice(0, 200) } : {}),
  'peer-review': async (deps, actor, fc) => peerReviewForm(fc, await reviewableTeammates(deps, actor)),
};

/** The form a bare entry command opens, prefilled from the command's text. */
export async function entryForm(deps: ChatDeps, actor: Person, command: EntryCommand, text: string): Promise<Form> {
  return BUILDERS[command](deps, actor, await formContext(deps, actor), text);
}

/** The visit form for a follow-up reminder's button: the account already chosen. */
export async function followUpForm(deps: ChatDeps, actor: Person, accountId: string): Promise<Form> {
  const account = await deps.store.accounts.get(accountId);
  return visitForm(await formContext(deps, actor), account ? { account: { value: account.id, label: account.name } } : {});
}

/** A form with a required choice that has no options cannot be filled in: show its intro instead. */
export const formCanOpen = (form: Form): boolean => !form.fields.some((f) => f.type === 'select' && !f.optional && f.options.length === 0);

export interface SubmitOutcome {
  /** The confirmation, in the actor's language. */
  text: string;
  /** A new intel post to publish in the platform's intel channels (after the ack). */
  intel?: { entry: Intel; channels: string[] };
  /** Nothing stored yet: the entry waits for the manager's approval (past the close date). */
  pending?: boolean;
}

type Submit = (deps: ChatDeps, actor: Person, values: FormValues, requestId: string, platform: string, kind?: string) => Promise<SubmitOutcome>;

const SUBMITS: Record<FormId, Submit> = {
  // Past a cycle's close date the entry goes to the rep's manager instead (chat/lifecycle.ts).
  visit: async (deps, actor, values, requestId, p, kind) => {
    const input = readVisitForm(values, actor.locale, requestId, kind);
    return orLate(deps, actor, 'visit', input, p, async () => ({ text: visitConfirmation(actor.locale, await logVisit(deps, actor, input)) }));
  },
  deal: async (deps, actor, values, requestId, p) => {
    const input = readDealForm(values, actor.locale, requestId);
    return orLate(deps, actor, 'deal', input, p, async () => ({ text: dealConfirmation(actor.locale, await logDeal(deps, actor, input)) }));
  },
  payment: async (deps, actor, values, requestId, p) => {
    const input = readPaymentForm(values, actor.locale, requestId);
    return orLate(deps, actor, 'payment', input, p, async () => ({ text: paymentConfirmation(actor.locale, await logPayment(deps, actor, input)) }));
  },
  feedback: async (deps, actor, values, requestId, p) => {
    const input = readFeedbackForm(values, actor.locale, requestId);
    return orLate(deps, actor, 'feedback', input, p, async () => ({ text: feedbackConfirmation(actor.locale, await logFeedback(deps, actor, input)) }));
  },
  intel: async (deps, actor, values, requestId, platform) => {
    const input = readIntelForm(values, actor.locale, requestId);
    return orLate(deps, actor, 'intel', input, platform, async () => {
      const r = await shareIntel(deps, actor, input);
      const channels = await channelsFor(deps, 'intel', platform);
      return {
        text: intelConfirmation(actor.locale, { topic: r.intel.topic, created: r.created, posted: channels.length > 0 }),
        ...(r.created && channels.length > 0 ? { intel: { entry: r.intel, channels } } : {}),
      };
    });
  },
  // The feedback interview's form (chat/interview-form.ts): the kind says whose interview. An
  // interview record has no requestId of its own, so a replayed submission is caught here.
  interview: async (deps, actor, values, requestId, platform, kind) =>
    oncePerRequest(deps, requestId, () => submitInterviewForm(deps, actor, { values, kind, platform }), jsonCodec<{ text: string }>()),
  'peer-review': async (deps, actor, values, requestId) => {
    const r = await submitPeerReview(deps, actor, readPeerReviewForm(values, actor.locale, requestId));
    const to = await deps.store.people.get(r.review.toId);
    return { text: peerReviewConfirmation(actor.locale, { ...r, name: to?.name ?? r.review.toId }) };
  },
};

export const isFormId = (id: string): id is FormId => Object.hasOwn(SUBMITS, id);

/** A form again, for a refused submission: an entry form empty, the interview form with its rep. */
export async function formAgain(deps: ChatDeps, actor: Person, formId: FormId, kind: string | undefined, values: FormValues): Promise<Form> {
  if (formId === 'interview') return rebuildInterviewForm(deps, actor, await formContext(deps, actor), kind, values);
  return entryForm(deps, actor, formId, '');
}

/**
 * Runs a submitted entry form: read the values, run the use case (validation, permissions, the
 * write), and say what was stored. Throws the use case's AppError (with field issues) on bad input.
 * `platform` ('slack', 'lark') picks the intel channels; `kind` is the activity kind for a visit
 * form opened from a follow-up reminder.
 */
export function submitEntryForm(
  deps: ChatDeps,
  actor: Person,
  input: { formId: FormId; values: FormValues; requestId: string; platform: string; kind?: string },
): Promise<SubmitOutcome> {
  return SUBMITS[input.formId](deps, actor, input.values, input.requestId, input.platform, input.kind);
}
