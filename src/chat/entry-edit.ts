import type { AppDeps } from '../application/deps.js';
import { buildHome } from '../application/build-home.js';
import { deleteEntry } from '../application/entries/delete-entry.js';
import { editEntry } from '../application/entries/edit-entry.js';
import { entryToEdit } from '../application/entries/entry-to-edit.js';
import { EntryRef } from '../application/entries/own-entry.js';
import { parseInput } from '../application/validate.js';
import type { Person } from '../domain/model/people.js';
import type { FormValues } from '../views/forms/form.js';
import { editForm } from '../views/forms/edit-forms.js';
import { readEditForm } from './forms/edit-form-reader.js';
import { homeView } from '../views/home-view.js';
import { t } from '../views/i18n.js';
import { formContext } from './form-context.js';
import { textView, type ChatAnswer, type FormToOpen } from './port.js';

/**
 * Editing and deleting one's own entries, for every platform: `/entries` lists the latest with
 * Edit / Delete buttons (Slack also shows them on its App Home), Edit opens the entry's form
 * prefilled, its submission (`edit:<kind>:<id>`) stores the change, Delete removes the entry. The
 * entry is checked again at each step: someone else's reads as unknown, a closed quarter is locked.
 */
export const EDIT_FORM_PREFIX = 'edit:';
const EDIT_REF = /^edit:([^:]+):(.+)$/;

export const isEditRef = (form: string): boolean => EDIT_REF.test(form);

/** A button's value (`{"kind":"visit","id":"…"}`) for the use case to validate; garbage becomes null. */
function buttonValue(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** `/entries`: the actor's Home as a message (latest entries with their buttons, the quarter so far). */
export async function entriesAnswer(deps: AppDeps, actor: Person, notice?: string): Promise<ChatAnswer> {
  const data = await buildHome(deps, actor);
  return { view: homeView({ locale: actor.locale, currency: deps.settings.baseCurrency }, data, notice) };
}

/** The Edit button: the entry's form, prefilled; a visit's kind (visit, call, follow-up) rides along so the edit keeps it. */
export async function editFormFor(deps: AppDeps, actor: Person, value: string): Promise<FormToOpen> {
  const toEdit = await entryToEdit(deps, actor, buttonValue(value));
  const { fxRates, paymentTermsDays } = deps.settings;
  const form = editForm(await formContext(deps, actor), toEdit, { currencies: Object.keys(fxRates), paymentTermsDays });
  const { kind, record } = toEdit.entry;
  return { form, as: `${EDIT_FORM_PREFIX}${kind}:${record.id}`, ...(kind === 'visit' ? { kind: record.kind } : {}) };
}

/** The edit form submitted: the change stored, or the use case's refusal thrown with its field issues. */
export async function submitEdit(deps: AppDeps, actor: Person, ref: { form: string; kind?: string }, values: FormValues): Promise<ChatAnswer> {
  const [, kind, id] = EDIT_REF.exec(ref.form) ?? [];
  const entry = parseInput(EntryRef, { kind, id });
  await editEntry(deps, actor, readEditForm(entry, values, actor.locale, ref.kind));
  return { view: textView(t(actor.locale, 'home.notice.edited')), saved: {} };
}

/** The edit form again for a refused submission (the entry re-read: still the actor's, still open). */
export async function editFormAgain(deps: AppDeps, actor: Person, ref: { form: string }): Promise<FormToOpen> {
  const [, kind, id] = EDIT_REF.exec(ref.form) ?? [];
  return editFormFor(deps, actor, JSON.stringify({ kind, id }));
}

/** The Delete button (it carries a confirm dialog, so a click is meant): only the actor's own entry, while open. */
export async function deleteAnswer(deps: AppDeps, actor: Person, value: string): Promise<ChatAnswer> {
  await deleteEntry(deps, actor, buttonValue(value) as EntryRef);
  return { view: textView(t(actor.locale, 'home.notice.deleted')), saved: {} };
}
