import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { deleteEntry } from '../../../application/entries/delete-entry.js';
import { editEntry } from '../../../application/entries/edit-entry.js';
import { entryToEdit } from '../../../application/entries/entry-to-edit.js';
import { EntryRef } from '../../../application/entries/own-entry.js';
import { parseInput } from '../../../application/validate.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText } from '../../../views/errors.js';
import { readEditForm } from '../../../chat/forms/edit-form-reader.js';
import { editForm } from '../../../views/forms/edit-forms.js';
import { HOME_ACTIONS } from '../../../views/home-view.js';
import { t } from '../../../views/i18n.js';
import { answerSubmission } from '../answer-submission.js';
import type { SlackContext } from '../context.js';
import { homeNotice, publishHome } from '../publish-home.js';
import { errorMessage, logFailure } from '../replies.js';
import { entryForm } from '../../../chat/entry-forms.js';
import { formContext } from '../../../chat/form-context.js';
import { openForm } from './entry-commands.js';

/** Edit modals are `edit:<kind>:<id>`: the entry travels in the callback id, checked again on submit. */
export const EDIT_CALLBACK_PREFIX = 'edit:';
const EDIT_CALLBACK = /^edit:([^:]+):(.+)$/;

/** A button's value (`{"kind":"visit","id":"…"}`) for the use case to validate; garbage becomes null. */
function buttonValue(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/**
 * Runs something done on the Home as the person behind it. Whatever it refuses is told on the Home
 * itself, republished with the reason as its notice line: the user is looking at the Home, not at
 * their DMs. Someone Slack cannot tell us about gets a Home saying so.
 */
async function onHome(ctx: SlackContext, userId: string, what: string, run: (actor: Person) => Promise<void>): Promise<void> {
  let actor: Person;
  try {
    actor = await ctx.actors.resolve(userId);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    const text = errorMessage(ctx.defaultLocale, e).text;
    await ctx.client.views
      .publish({ user_id: userId, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] } })
      .catch((err: unknown) => logFailure(ctx.logger, err, 'publish App Home'));
    return;
  }
  try {
    await run(actor);
  } catch (e) {
    logFailure(ctx.logger, e, what);
    await publishHome(ctx, userId, actor, homeNotice(errorText(actor.locale, e), false));
  }
}

/**
 * The App Home (https://api.slack.com/surfaces/app-home): published when its tab is opened, and
 * republished after anything done from it. Its buttons are acked at once; a modal is opened with the
 * action's trigger_id right after (valid for 3 seconds), other work follows.
 */
export function registerHome(app: App, ctx: SlackContext): void {
  // https://api.slack.com/events/app_home_opened: also sent for the Messages tab, which is left alone.
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await onHome(ctx, event.user, 'app_home_opened', (actor) => publishHome(ctx, event.user, actor));
  });

  // The Log buttons open the command's form; `h` brings the user back to a refreshed Home after it.
  const logButtons = [
    [HOME_ACTIONS.logVisit, 'visit'],
    [HOME_ACTIONS.logDeal, 'deal'],
  ] as const;
  for (const [actionId, command] of logButtons) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body }) => {
      await ack();
      await onHome(ctx, body.user.id, actionId, async (actor) => {
        const form = await entryForm(ctx.deps, actor, command, '');
        await openForm(ctx, actor, form, body.trigger_id, { h: 1 });
      });
    });
  }

  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.editEntry, async ({ ack, body, action }) => {
    await ack();
    await onHome(ctx, body.user.id, HOME_ACTIONS.editEntry, async (actor) => {
      // Refused here already (not the actor's, or its quarter closed) rather than after filling the form in.
      const toEdit = await entryToEdit(ctx.deps, actor, buttonValue(action.value));
      const { fxRates, paymentTermsDays } = ctx.deps.settings;
      const form = editForm(await formContext(ctx.deps, actor), toEdit, { currencies: Object.keys(fxRates), paymentTermsDays });
      const { kind, record } = toEdit.entry;
      // A visit's kind (visit, call, follow-up) is not on the form: it rides along so the edit keeps it.
      const meta = { h: 1 as const, ...(kind === 'visit' ? { k: record.kind } : {}) };
      await openForm(ctx, actor, form, body.trigger_id, meta, `${EDIT_CALLBACK_PREFIX}${kind}:${record.id}`);
    });
  });

  // The button carries a confirm dialog, so a click here is meant.
  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.deleteEntry, async ({ ack, body, action }) => {
    await ack();
    await onHome(ctx, body.user.id, HOME_ACTIONS.deleteEntry, async (actor) => {
      // The value is the client's to forge: deleteEntry validates it and deletes only the actor's own.
      await deleteEntry(ctx.deps, actor, buttonValue(action.value) as EntryRef);
      await publishHome(ctx, body.user.id, actor, homeNotice(t(actor.locale, 'home.notice.deleted'), true));
    });
  });

  // An edit answers field errors in its modal like any form, then the Home shows the entry as stored.
  app.view<ViewSubmitAction>(EDIT_CALLBACK, (args) =>
    answerSubmission(ctx, args, 'entry edit', async (actor, values, meta) => {
      const [, kind, id] = EDIT_CALLBACK.exec(args.view.callback_id)!;
      const ref = parseInput(EntryRef, { kind, id });
      await editEntry(ctx.deps, actor, readEditForm(ref, values, actor.locale, meta.k));
      return { notice: t(actor.locale, 'home.notice.edited') };
    }),
  );
}
