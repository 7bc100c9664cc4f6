import type { App } from '@slack/bolt';
import { cycleAnswer, publishAnswer } from '../../../chat/cycle.js';
import type { View } from '../../../views/view.js';
import type { SlackContext } from '../context.js';
import { viewToBlocks } from '../render/blocks.js';
import { ephemeralCommand, type EphemeralAnswer } from './ephemeral-command.js';

const asAnswer = (view: View): EphemeralAnswer => ({ text: view.title, blocks: viewToBlocks(view) });

/** `/cycle open|status|review …` and `/publish-results [period] [confirm]` (HR), answered privately. */
export function registerCycleCommands(app: App, ctx: SlackContext): void {
  ephemeralCommand(app, ctx, '/cycle', async (actor, text) => asAnswer(await cycleAnswer(ctx.deps, actor, text)));
  ephemeralCommand(app, ctx, '/publish-results', async (actor, text) => asAnswer(await publishAnswer(ctx.deps, actor, text, ['slack'])));
}
