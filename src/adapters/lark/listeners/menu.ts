import type { EventHandles } from '@larksuiteoapi/node-sdk';
import { COMMANDS } from '../../../chat/commands.js';
import type { LarkContext } from '../context.js';
import { runCommand } from './command.js';
import { firstDelivery, handleClaimed } from '../dedupe.js';

export type MenuEvent = Parameters<NonNullable<EventHandles['application.bot.menu_v6']>>[0];

/**
 * The bot menu (`application.bot.menu_v6`, https://open.feishu.cn/document/client-docs/bot-v3/bot-customized-menu):
 * each entry's event key is a command name (`visit`, `scorecard` …, `help`; manifests/lark.md).
 * A click runs that command bare and answers in the user's DM.
 */
export function menuCommand(key: string): string {
  if (key === 'help') return '/appraisal';
  return key in COMMANDS ? `/${key}` : key;
}

export function onMenu(ctx: LarkContext) {
  return async (data: MenuEvent): Promise<void> => {
    const openId = data.operator?.operator_id?.open_id;
    if (!openId) return;
    if (!(await firstDelivery(ctx.deps, data.event_id))) return;
    const log = ctx.logger.child({ eventId: data.event_id, userId: openId });
    ctx.background.run('Lark menu', () =>
      handleClaimed(ctx.deps, data.event_id, () =>
        runCommand({ ...ctx, logger: log }, { openId, ...(data.operator?.operator_name ? { name: data.operator.operator_name } : {}), text: menuCommand(data.event_key ?? ''), mentions: [], reply: { openId } }),
      ),
    );
  };
}
