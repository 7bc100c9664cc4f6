import { COMMANDS } from '../../src/chat/commands.js';
import { escapeMarkdown } from '../../src/adapters/lark/render/card.js';
import { escapeSlack } from '../../src/adapters/slack/parse-text.js';
import { buttonClick, startHarness as startSlack, type Harness as SlackHarness } from '../slack/harness.js';
import { startHarness as startLark, dmChat, TOKEN, type Harness as LarkHarness } from '../lark/harness.js';
import { cardAction, envelope, messageEvent } from '../lark/signing.js';
import { viewSubmission } from '../slack/signing.js';
import { PEOPLE, seedMatrixOrg, type CaseContext, type RoleUser } from './matrix-org.js';
import type { MatrixRow, Trigger } from './matrix-table.js';
import type { AppDeps } from '../../src/application/deps.js';

/**
 * The two platforms' real entry points, driven the same way: a row's trigger sent as `user`, and
 * what came back to them. `texts` is everything the user was shown (answers, toasts, notices), as
 * JSON text; `error` whether any of it is an error answer; `answered` whether anything came back.
 */
export interface Answer {
  texts: string;
  error: boolean;
  answered: boolean;
}

export interface Driver {
  platform: 'slack' | 'lark';
  deps: AppDeps;
  context: CaseContext;
  /** Makes a newcomer known to the platform (Slack's users.info), not to the bot. */
  meet(user: RoleUser): void;
  send(row: MatrixRow, user: RoleUser, value: string): Promise<Answer>;
  /** How a refusal text reads on this platform's surface. */
  shown(text: string): string;
  close(): Promise<void>;
}

/** People a row mentions as `@name`. */
const MENTIONABLE: Record<string, RoleUser> = {
  ann: PEOPLE.repEast,
  cat: PEOPLE.repWest,
  coach: PEOPLE.coach,
  bob: { personId: 'bob', slack: 'UBOB', lark: 'ou_bobwu', locale: 'zh-CN', slackLocale: 'zh-CN', name: 'Bob Wu' },
};

const textFor = (t: Extract<Trigger, { type: 'command' }>, platform: 'slack' | 'lark', c: CaseContext): string =>
  typeof t.text === 'string' ? t.text : typeof t.text === 'function' ? t.text(c) : t.text[platform];

let seq = 0;

export async function slackDriver(): Promise<Driver> {
  const h: SlackHarness = await startSlack();
  for (const u of [PEOPLE.mgrWest, PEOPLE.coach, PEOPLE.adminHr]) h.fake.addUser({ id: u.slack, name: u.name, locale: u.slackLocale, tz: 'Asia/Shanghai' });
  const context = await seedMatrixOrg(h.deps, 'slack');
  const answerOf = (from: { calls: number; responses: number }): Answer => {
    const responses = h.fake.responses.slice(from.responses).map((r) => r.body);
    const calls = h.fake.calls.slice(from.calls).filter((c) => ['chat.postEphemeral', 'chat.update', 'chat.postMessage', 'views.publish', 'views.open'].includes(c.method));
    const shown = [...responses, ...calls.map((c) => c.params)];
    const texts = JSON.stringify(shown);
    return { texts, error: texts.includes(':warning:'), answered: shown.length > 0 };
  };
  return {
    platform: 'slack',
    deps: h.deps,
    context,
    meet: (u) => h.fake.addUser({ id: u.slack, name: u.name, locale: u.slackLocale, tz: 'Asia/Shanghai' }),
    // Every text the bot answers with is Slack-escaped (& < > literal).
    shown: escapeSlack,
    async send(row, user, value) {
      const from = { calls: h.fake.calls.length, responses: h.fake.responses.length };
      const t = row.trigger;
      const id = `case-${++seq}`;
      if (t.type === 'command') {
        const text = textFor(t, 'slack', context).replace(/@(\w+)/g, (m, name: string) => (MENTIONABLE[name] ? `<@${MENTIONABLE[name].slack}|${name}>` : m));
        const res = await h.command(user.slack, COMMANDS[t.command][0], text, { responseId: id });
        if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
      } else if (t.type === 'button') {
        const res = await h.interactive(buttonClick(user.slack, t.actionId, value, { responseUrl: h.fake.responseUrl(id) }));
        if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
      } else if (t.slackEdit) {
        const payload = viewSubmission({ user: user.slack, form: t.form, triggerId: `trigger-${id}`, viewId: `V${id}`, privateMetadata: JSON.stringify({ h: 1 }), values: t.slack }) as { view: { callback_id: string } };
        payload.view.callback_id = t.slackEdit;
        const res = await h.interactive(payload);
        if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
        if (res.body) return { texts: res.body, error: res.body.includes('"errors"'), answered: true };
      } else {
        const res = await h.submit(user.slack, t.form, t.slack, { meta: { r: h.fake.responseUrl(id), c: 'C0SALES', ...(t.kind ? { k: t.kind } : {}) } });
        if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
        // Field errors come back in the ack itself.
        if (res.body) return { texts: res.body, error: res.body.includes('"errors"'), answered: true };
      }
      return answerOf(from);
    },
    close: () => h.close(),
  };
}

export async function larkDriver(): Promise<Driver> {
  const h: LarkHarness = await startLark();
  for (const u of [PEOPLE.mgrWest, PEOPLE.coach, PEOPLE.adminHr]) h.fake.addUser({ openId: u.lark, name: u.name, timeZone: 'Asia/Shanghai' });
  const context = await seedMatrixOrg(h.deps, 'lark');
  return {
    platform: 'lark',
    deps: h.deps,
    context,
    meet: () => {},
    // A card's text is Markdown-escaped.
    shown: escapeMarkdown,
    async send(row, user, value) {
      const t = row.trigger;
      if (t.type === 'command') {
        const mentions: { openId: string; name: string }[] = [];
        const text = textFor(t, 'lark', context).replace(/@(\w+)/g, (m, name: string) => {
          const who = MENTIONABLE[name];
          if (!who) return m;
          mentions.push({ openId: who.lark, name: who.name });
          return `@_user_${mentions.length}`;
        });
        const from = h.fake.sentTo(dmChat(user.lark)).length;
        const res = await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: user.lark, text: `${COMMANDS[t.command][0]} ${text}`.trim(), mentions })));
        if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
        await h.idle();
        const cards = h.fake.sentTo(dmChat(user.lark)).slice(from).map((m) => m.card as { header?: { template?: string } });
        return { texts: JSON.stringify(cards), error: cards.some((c) => c.header?.template === 'red'), answered: cards.length > 0 };
      }
      const payload =
        t.type === 'button'
          ? cardAction({ openId: user.lark, value: { action: t.actionId, value }, messageId: `om_case_${++seq}` })
          : cardAction({ openId: user.lark, value: { form: t.form, ...(t.kind ? { kind: t.kind } : {}) }, formValue: t.lark, messageId: `om_case_${++seq}` });
      const res = await h.post(envelope('card.action.trigger', TOKEN, payload), { url: h.cardsUrl });
      if (res.status !== 200) throw new Error(`${row.name}: HTTP ${res.status}`);
      await h.idle();
      const answer = res.json() as { toast?: { type: string }; card?: { data: { header?: { template?: string } } } };
      return { texts: res.body, error: answer.toast?.type === 'error' || answer.card?.data.header?.template === 'red', answered: Boolean(answer.toast || answer.card) };
    },
    close: () => h.close(),
  };
}
