import { assertCard20 } from '../lark/card-schema.js';
import { dmChat, startHarness, TOKEN, type Card as SchemaCard } from '../lark/harness.js';
import { envelope, messageEvent } from '../lark/signing.js';
import type { Clicked, Platform, PlatformDriver, Submitted, Values, Who } from './driver.js';
import { larkText } from './shown-text.js';

/** The test tenant's Lark user for each person of the organisation (test/lark/harness.ts). */
const LARK_USER: Record<Who, string> = { ann: 'ou_annlee', mgr: 'ou_miamgr', hr: 'ou_hanahr' };

/** Lark users the cases mention: a person the bot knows, and one it has never seen. */
const MENTIONED: Record<string, { openId: string; name: string }> = {
  ann: { openId: 'ou_annlee', name: 'Ann Lee' },
  bob: { openId: 'ou_bobwu', name: 'Bob Wu' },
  stranger: { openId: 'ou_stranger9', name: 'Stranger' },
};

type Element = { tag?: string; name?: string; content?: string; elements?: Element[]; behaviors?: { value: Record<string, unknown> }[] };
type Card = { header?: { title: { content: string } }; body: { elements: Element[] } };
type CallbackAnswer = { toast?: { type: string; content: string }; card?: { data: Card } };

/** Every card the bot sends is checked against Lark's card JSON 2.0 rules (test/lark/card-schema.ts). */
function checked<T extends { msgType: string; card: unknown }>(sent: T[]): T[] {
  for (const m of sent) if (m.msgType === 'interactive') assertCard20(m.card as SchemaCard);
  return sent;
}

const flat = (els: readonly Element[]): Element[] => els.flatMap((e) => [e, ...flat(e.elements ?? [])]);
const formOf = (card: Card): Element | undefined => flat(card.body.elements).find((e) => e.tag === 'form');

/** The red line the adapter puts right under a refused field (before the next field's label). */
function fieldErrors(form: Element): Record<string, string> {
  const els = flat(form.elements ?? []);
  const errors: Record<string, string> = {};
  els.forEach((e, i) => {
    const next = els[i + 1];
    if (e.name && e.name !== 'submit' && next?.tag === 'markdown' && next.content?.startsWith("<font color='red'>")) errors[e.name] = larkText(next);
  });
  return errors;
}

/**
 * Lark through its real entry point: signed, encrypted events and card callbacks posted to the
 * adapter's HTTP listener (test/lark/harness.ts); cards read from the fake Open API or from the
 * callback's answer.
 */
async function larkDriver(): Promise<PlatformDriver> {
  const h = await startHarness();
  /** The form card each person has open: its message and the callback value of its submit button. */
  const forms = new Map<Who, { messageId: string; card: Card }>();
  const last = new Map<Who, Values>();
  let seq = 0;

  const dm = async (who: Who, line: string) => {
    const chat = dmChat(LARK_USER[who]);
    const from = h.fake.sentTo(chat).length;
    const res = await h.dm(LARK_USER[who], line);
    if (res.status !== 200) throw new Error(`${line}: HTTP ${res.status}`);
    await h.idle();
    return checked(h.fake.sentTo(chat).slice(from));
  };

  /**
   * A command mentioning someone, sent where people mention each other: in a group, after @-ing the
   * bot (`@_user_1`), each person as `@_user_N`. The answer goes to the sender privately (by open_id).
   */
  const inGroup = async (who: Who, line: string) => {
    const mentions: { openId: string; name: string }[] = [];
    const text = line.replace(/@(\w+)/g, (m, name: string) => {
      const person = MENTIONED[name];
      if (!person) return m;
      mentions.push(person);
      return `@_user_${mentions.length + 1}`;
    });
    const from = h.fake.sentTo(LARK_USER[who]).length;
    const res = await h.group(LARK_USER[who], text, mentions);
    if (res.status !== 200) throw new Error(`${line}: HTTP ${res.status}`);
    await h.idle();
    return checked(h.fake.sentTo(LARK_USER[who]).slice(from));
  };

  /** A line as a person sends it: with a mention in a group, otherwise in the DM with the bot. */
  const send = (who: Who, line: string) => (/@\w/.test(line) ? inGroup : dm)(who, line);

  const submit = async (who: Who, values: Values): Promise<Submitted> => {
    const open = forms.get(who);
    if (!open) throw new Error(`no form card is open for ${who}`);
    const form = formOf(open.card)!;
    const fields = flat(form.elements ?? []).filter((e) => e.name && e.tag !== 'button');
    // form_value as Lark sends it: inputs always (empty when left empty), pickers only when picked, dates with the zone.
    const formValue: Record<string, string> = {};
    for (const f of fields) {
      const v = values[f.name!];
      if (f.tag === 'input') formValue[f.name!] = v ?? '';
      else if (v !== undefined) formValue[f.name!] = f.tag === 'date_picker' ? `${v} +0800` : v;
    }
    const callback = flat(form.elements ?? []).find((e) => e.tag === 'button' && e.behaviors)!.behaviors![0]!.value;
    last.set(who, values);
    const res = await h.submit(LARK_USER[who], callback, formValue, open.messageId);
    if (res.status !== 200) throw new Error(`card callback: HTTP ${res.status}`);
    await h.idle();
    const answer = res.json() as CallbackAnswer;
    if (answer.card) assertCard20(answer.card.data as unknown as SchemaCard);
    const card = answer.card?.data;
    const still = card ? formOf(card) : undefined;
    // The answer's card replaces the form card in place: with a form in it, the form stays open.
    // An answer without a card leaves the form card as it was, filled in.
    if (card && still) forms.set(who, { messageId: open.messageId, card });
    return { fieldErrors: still ? fieldErrors(still) : {}, stillOpen: card ? Boolean(still) : true, text: [answer.toast?.content ?? '', card ? larkText(card) : ''].join('\n') };
  };

  return {
    deps: h.deps,
    async open(who, command, text = '') {
      const sent = await send(who, `/${command} ${text}`.trim());
      const withForm = sent.find((m) => m.msgType === 'interactive' && formOf(m.card as unknown as Card));
      if (!withForm) return { title: null, text: sent.map((m) => larkText(m.card)).join('\n') };
      const card = withForm.card as unknown as Card;
      forms.set(who, { messageId: withForm.id, card });
      return { title: card.header?.title.content ?? '', text: '' };
    },
    async command(who, command, text = '') {
      return (await send(who, `/${command} ${text}`.trim())).map((m) => larkText(m.card)).join('\n');
    },
    submit,
    resubmit: async (who) => submit(who, last.get(who)!),
    async click(who, actionId, value) {
      // A button on a card the bot sent: Lark replaces the clicked card with the card in the callback's answer.
      const res = await h.submit(LARK_USER[who], { action: actionId, value }, {}, `om_clicked_${++seq}`);
      if (res.status !== 200) throw new Error(`card callback: HTTP ${res.status}`);
      await h.idle();
      const answer = res.json() as CallbackAnswer;
      if (answer.card) assertCard20(answer.card.data as unknown as SchemaCard);
      return { replacedClicked: Boolean(answer.card), text: [answer.toast?.content ?? '', answer.card ? larkText(answer.card.data) : ''].join('\n') } satisfies Clicked;
    },
    async filesSent() {
      return h.fake.files.map((f) => ({ name: f.fileName, content: f.data }));
    },
    // Code 99991400 with x-ogw-ratelimit-reset: 2, as Lark answers a chat over its 5 messages a second.
    rateLimitNextAnswer: () => h.fake.rateLimitNext('message.create', 2),
    rateLimitReport: () => ({
      refused: h.fake.callsTo('POST', '/open-apis/im/v1/messages').length - h.fake.sent.length,
      waitedSeconds: h.sleeps.map((ms) => ms / 1000),
    }),
    async event(who, eventId) {
      // Lark redelivers an event unchanged, with the same event_id (it has no retry header).
      const res = await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: LARK_USER[who], text: '/help' }), eventId));
      if (res.status !== 200) throw new Error(`event: HTTP ${res.status}`);
      await h.idle();
    },
    eventAnswers: (who) => h.fake.sentTo(dmChat(LARK_USER[who])).length,
    claimKey: (eventId) => `lark:${eventId}`,
    close: () => h.close(),
  };
}

export const LARK: Platform = {
  name: 'lark',
  notApplicable: {},
  start: larkDriver,
};
