import type { AppDeps } from '../../src/application/deps.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { smallOrg } from '../helpers/org.js';
import { parseCommand } from '../../src/chat/commands.js';
import type { ChatAnswer, ChatRequest, FormRef } from '../../src/chat/port.js';
import type { FormValues } from '../../src/views/forms/form.js';
import { converse } from '../../src/chat/router.js';
import type { Person } from '../../src/domain/model/people.js';
import { isAppError } from '../../src/domain/errors.js';
import { errorText } from '../../src/views/errors.js';
import type { Block, View } from '../../src/views/view.js';

/** Who a line mentions: ids of people the bot knows, and labels of platform users it does not. */
export interface Mentions {
  known?: string[];
  unknown?: string[];
}

/** The answer, or the refusal the person reads (a known error, in their language) — as every adapter answers it. */
export type Answered = (ChatAnswer & { refusal?: undefined }) | { refusal: string; view?: undefined; files?: undefined; form?: undefined };

/**
 * The shared conversation, asked through its port (chat/router.ts `converse`): a person's command
 * line (any alias, any language) in, the platform-neutral answer out, as every platform adapter
 * hands it over. Mentions are written `@name` in the line and given apart, resolved (what each
 * platform does with its own mention markup).
 */
export async function ask(deps: AppDeps, personId: string, line: string, mentions: Mentions = {}): Promise<Answered> {
  const actor = await personOf(deps, personId);
  const cmd = parseCommand(line);
  if (!cmd) throw new Error(`not a command: ${line}`);
  const users = await Promise.all((mentions.known ?? []).map((id) => personOf(deps, id)));
  const [first = '', ...lines] = cmd.text.split('\n');
  const request: ChatRequest = {
    // A platform hands over the words with its mention markup removed (`@name` here).
    words: first.replace(/(^|\s)@[^\s:：,，]+/g, '$1').split(/\s+/).filter(Boolean),
    users,
    unknownUsers: mentions.unknown ?? [],
    lines,
    platforms: ['lark'],
  };
  try {
    return await converse(deps, actor, { type: 'command', command: cmd.command, request });
  } catch (e) {
    if (isAppError(e)) return { refusal: errorText(actor.locale, e) };
    throw e;
  }
}

/** A form submitted through the port, as a platform hands over a modal or card form: the form, its kind, the values by field id. */
export async function submitForm(deps: AppDeps, personId: string, ref: FormRef, values: FormValues, requestId = `test:${deps.newId()}`): Promise<ChatAnswer> {
  const actor = await personOf(deps, personId);
  const request: ChatRequest = { words: [], users: [], unknownUsers: [], lines: [], platforms: ['lark'], requestId };
  return converse(deps, actor, { type: 'submit', ref, values, request });
}

/** A button the bot drew, clicked: the answer that replaces its message, or the refusal the clicker reads. */
export async function click(deps: AppDeps, personId: string, action: string, value: string): Promise<Answered> {
  const actor = await personOf(deps, personId);
  const request: ChatRequest = { words: [], users: [], unknownUsers: [], lines: [], platforms: ['lark'], requestId: `test:${deps.newId()}` };
  try {
    return await converse(deps, actor, { type: 'button', action, value, request });
  } catch (e) {
    if (isAppError(e)) return { refusal: errorText(actor.locale, e) };
    throw e;
  }
}

async function personOf(deps: AppDeps, id: string): Promise<Person> {
  const p = await deps.store.people.get(id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
}

/** Every text a view shows, one entry per text, field value, table cell or button label: what a person reads, in order. */
export function shownTexts(view: View): string[] {
  const of = (b: Block): string[] => {
    switch (b.type) {
      case 'header':
      case 'text':
      case 'context':
        return [b.text];
      case 'fields':
        return b.fields.flatMap((f) => [f.label, f.value]);
      case 'table':
        return [...b.columns.map((c) => c.label), ...b.rows.flat()];
      case 'actions':
        return b.buttons.map((x) => x.label);
      case 'item':
        return [b.text, ...b.buttons.map((x) => x.label)];
      case 'divider':
        return [];
      case 'details':
        return [b.summary, ...b.blocks.flatMap(of)];
    }
  };
  return [view.title, ...view.blocks.flatMap(of)];
}

/**
 * The small test organisation with the template, its people named and on Lark as the review-cycle
 * scenarios read them: Ann Lee, Bob Wu (reads Chinese), Mia Manager, Hana HR.
 */
export async function namedOrg(deps: AppDeps): Promise<void> {
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('ann', { name: 'Ann Lee', identities: ['lark:ou_annlee'] });
  await put('bob', { name: 'Bob Wu', locale: 'zh-CN', identities: ['lark:ou_bobwu'] });
  await put('mgr', { name: 'Mia Manager', identities: ['lark:ou_miamgr'] });
  await put('hr', { name: 'Hana HR', identities: ['lark:ou_hanahr'] });
}
