import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../ports/logger.js';
import { t } from '../../views/i18n.js';

/** The workspace ids a payload names: where it was sent from, and (Slack Connect) the user's own. */
interface Origin {
  teams: string[];
  enterprises: string[];
}

type Loose = Record<string, unknown> | undefined;
const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? [v] : []);

/**
 * Where a request comes from. Slash commands carry `team_id` and `enterprise_id`; block actions and
 * view submissions `team.id`, `user.team_id` and `enterprise.id`; Events API envelopes `team_id`
 * and, for messages in shared channels, `event.user_team`. A Slack Connect guest's own team shows
 * in `user.team_id` / `user_team` even in a channel of ours, so every named team must be ours.
 * https://api.slack.com/apis/connect#events and https://api.slack.com/interactivity/slash-commands
 */
export function originOf(body: unknown): Origin {
  const b = obj(body) ?? {};
  const user = obj(b.user);
  const event = obj(b.event);
  return {
    teams: [...str(b.team_id), ...str(obj(b.team)?.id), ...str(user?.team_id), ...str(event?.user_team), ...str(event?.team)],
    enterprises: [...str(b.enterprise_id), ...str(obj(b.enterprise)?.id), ...str(user?.enterprise_id)],
  };
}

/**
 * Whether the request is from a served workspace. An allowed Enterprise Grid org id (E…) admits
 * every workspace of that org; otherwise each team the payload names must be listed, and a payload
 * naming no team at all is refused.
 */
export function fromServedWorkspace(origin: Origin, allowed: ReadonlySet<string>): boolean {
  if (origin.enterprises.some((e) => allowed.has(e))) return true;
  return origin.teams.length > 0 && origin.teams.every((t) => allowed.has(t));
}

const refusal = (): string => `${t('en', 'access.foreignWorkspace')}\n${t('zh-CN', 'access.foreignWorkspace')}`;

/**
 * Global middleware: with SLACK_TEAM_ID set, requests from other workspaces are refused before any
 * listener runs, so nobody is looked up or registered. A slash command is answered privately (in
 * both languages: the bot does not know the person's), a form submission keeps its modal open with
 * the refusal, an action or option request is acknowledged and dropped, an event is logged and dropped.
 */
export function workspaceCheck(teamIds: readonly string[], logger: Logger): Middleware<AnyMiddlewareArgs> {
  const allowed = new Set(teamIds);
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    const origin = originOf(body);
    if (fromServedWorkspace(origin, allowed)) return args.next();
    logger.warn({ teams: origin.teams, enterprises: origin.enterprises, type: body.type ?? (body.command ? 'command' : 'unknown') }, 'refused a request from a workspace not in SLACK_TEAM_ID');
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (!ack) return;
    if (typeof body.command === 'string') return ack({ response_type: 'ephemeral', text: refusal() });
    if (body.type === 'view_submission') {
      const values = obj(obj(obj(body.view)?.state)?.values);
      const first = values ? Object.keys(values)[0] : undefined;
      return first ? ack({ response_action: 'errors', errors: { [first]: refusal() } }) : ack();
    }
    if (body.type === 'block_suggestion') return ack({ options: [] });
    return ack();
  };
}
