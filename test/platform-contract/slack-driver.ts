import { buttonClick, startHarness, type FieldValue } from '../slack/harness.js';
import type { Clicked, Opened, Platform, PlatformDriver, SentFile, Submitted, Values, Who } from './driver.js';
import { firstPart, slackText } from './shown-text.js';

/** The test workspace's Slack user for each person of the organisation (test/slack/harness.ts). */
const SLACK_USER: Record<Who, string> = { ann: 'UANN', mgr: 'UMGR', hr: 'UHR' };

/** Slack users the cases mention: a person the bot knows, and one it has never seen. */
const MENTIONED: Record<string, string> = { ann: 'UANN', bob: 'UBOB', stranger: 'UNOBODY' };
/** A mention as Slack escapes it in a slash command's text. */
const slackMentions = (text: string): string => text.replace(/@(\w+)/g, (m, name: string) => (MENTIONED[name] ? `<@${MENTIONED[name]}|${name}>` : m));

type Modal = { callback_id: string; title: { text: string }; private_metadata: string; blocks: { block_id?: string; element?: { type: string } }[] };

/** A neutral value as Slack's view state carries it for the element a block holds. */
function fieldValue(element: string | undefined, v: string | undefined): FieldValue | undefined {
  if (v === undefined || v === '') return undefined;
  if (element === 'datepicker') return { date: v };
  if (element === 'number_input') return { number: v };
  if (element === 'static_select' || element === 'external_select') return { option: v };
  return { text: v };
}

/**
 * Slack through its real entry point: signed slash commands, view submissions and block actions
 * posted to the Bolt app (test/slack/harness.ts), answers read from the fake Web API and the
 * response_url posts.
 */
export const SLACK: Platform = { name: 'slack', notApplicable: {}, start: slackDriver };

async function slackDriver(): Promise<PlatformDriver> {
  const h = await startHarness();
  const modals = new Map<Who, { view: Modal; viewId: string }>();
  const last = new Map<Who, { values: Values }>();
  let seq = 0;

  const responseText = async (id: string, after: number): Promise<string> => {
    await h.fake.until(() => h.fake.responses.filter((r) => r.id === id).length > after, `the answer on response_url ${id}`);
    return slackText(h.fake.responses.filter((r) => r.id === id).at(-1)!.body);
  };

  const submit = async (who: Who, values: Values): Promise<Submitted> => {
    const opened = modals.get(who);
    if (!opened) throw new Error(`no modal is open for ${who}`);
    const { view, viewId } = opened;
    const state = Object.fromEntries(view.blocks.filter((b) => b.block_id).map((b) => [b.block_id!, fieldValue(b.element?.type, values[b.block_id!])]));
    const meta = JSON.parse(view.private_metadata) as { r: string };
    const responseId = meta.r.slice(meta.r.lastIndexOf('/') + 1);
    const before = h.fake.responses.filter((r) => r.id === responseId).length;
    last.set(who, { values });
    // The modal keeps its view id while it is open: a corrected submission comes with the same id.
    const res = await h.submit(SLACK_USER[who], view.callback_id.replace(/^form:/, ''), state, { viewId, meta });
    if (res.status !== 200) throw new Error(`view submission: HTTP ${res.status}`);
    if (res.body) {
      const ack = res.json() as { response_action?: string; errors?: Record<string, string> };
      // response_action "errors" keeps the modal open with each message under its block.
      if (ack.response_action === 'errors') return { fieldErrors: ack.errors ?? {}, stillOpen: true, text: '' };
    }
    return { fieldErrors: {}, stillOpen: false, text: await responseText(responseId, before) };
  };

  return {
    deps: h.deps,
    async open(who, command, text = '') {
      const opened = h.fake.succeeded('views.open').length;
      const responseId = `${command}-${++seq}`;
      const res = await h.command(SLACK_USER[who], `/${command}`, slackMentions(text), { responseId });
      if (res.status !== 200) throw new Error(`/${command}: HTTP ${res.status}`);
      await h.fake.until(() => h.fake.succeeded('views.open').length > opened || h.fake.responses.some((r) => r.id === responseId), `a modal or an answer to /${command}`);
      const call = h.fake.succeeded('views.open').at(opened);
      if (!call) return { title: null, text: await responseText(responseId, 0) } satisfies Opened;
      const view = call.params.view as Modal;
      modals.set(who, { view, viewId: `V${command.toUpperCase()}${++seq}` });
      return { title: view.title.text, text: '' };
    },
    async command(who, command, text = '') {
      const responseId = `${command}-${++seq}`;
      const res = await h.command(SLACK_USER[who], `/${command}`, slackMentions(text), { responseId });
      if (res.status !== 200) throw new Error(`/${command}: HTTP ${res.status}`);
      return responseText(responseId, 0);
    },
    submit,
    resubmit: async (who) => submit(who, last.get(who)!.values),
    async click(who, actionId, value) {
      const user = SLACK_USER[who];
      const from = h.fake.calls.length;
      // A button on a DM the bot posted: an answer that replaces it is a chat.update of that message.
      const res = await h.interactive(buttonClick(user, actionId, value, { dm: `D${user}`, ts: '20.1' }));
      if (res.status !== 200) throw new Error(`block action: HTTP ${res.status}`);
      const shown = () => h.fake.calls.slice(from).filter((c) => c.method === 'chat.update' || c.method === 'chat.postEphemeral');
      await h.fake.until(() => shown().length > 0, `an answer to the click on ${actionId}`);
      const [answer] = shown();
      const replaced = answer!.method === 'chat.update' && answer!.params.channel === `D${user}` && answer!.params.ts === '20.1';
      return { replacedClicked: replaced, text: slackText(answer!.params) } satisfies Clicked;
    },
    async filesSent() {
      // files.uploadV2: the name goes with getUploadURLExternal, the bytes to the upload_url it returned.
      const names = h.fake.succeeded('files.getUploadURLExternal').map((c) => String(c.params.filename));
      return names.map((name, i): SentFile => ({ name, content: firstPart(h.fake.uploads[i]?.data ?? Buffer.alloc(0)) }));
    },
    // Retry-After: 1, the shortest a Slack 429 asks for; the Web API client waits it out itself.
    rateLimitNextAnswer: () => h.fake.rateLimitNext('views.open', 1),
    rateLimitReport: () => ({ refused: h.fake.calls.filter((c) => c.outcome === 'ratelimited').length }),
    async event(who, eventId, retry) {
      const user = SLACK_USER[who];
      const homeOpened = { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1764122400.000100' };
      const res = await h.event(homeOpened, eventId, retry ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {});
      if (res.status !== 200) throw new Error(`event: HTTP ${res.status}`);
      await h.idle();
    },
    eventAnswers: (who) => h.fake.callsTo('views.publish').filter((c) => c.params.user_id === SLACK_USER[who]).length,
    claimKey: (eventId) => `slack:${eventId}`,
    close: () => h.close(),
  };
}
