import type { AppDeps } from '../../application/deps.js';
import { seedDemo } from '../../application/seed-demo.js';
import { parseCommand } from '../../chat/commands.js';
import type { ChatAnswer, ChatInput, ChatRequest } from '../../chat/port.js';
import { converse } from '../../chat/router.js';
import { isLocalDate, type LocalDate } from '../../domain/dates.js';
import type { Person } from '../../domain/model/people.js';
import { errorText } from '../../views/errors.js';
import { t } from '../../views/i18n.js';
import { roleList } from '../../views/labels.js';
import { renderText } from '../../views/render-text.js';
import type { Button } from '../../views/view.js';
import { ConsoleInputError, consoleRequest, matchPerson, matchProblem } from './console-request.js';
import { fillForm } from './fill-form.js';
import type { Prompt } from './prompt.js';
import { saveFile } from './save-file.js';

export interface ConsoleOptions {
  deps: AppDeps;
  prompt: Prompt;
  /** Start as this person (name, id or console identity) instead of asking. */
  as?: string;
  /** Ask to load the demo data when the store is empty. */
  offerDemo: boolean;
  /** Runs today's scheduled jobs now and sends what they queue (the `/jobs` command). */
  runJobs?: () => Promise<string>;
  /**
   * Moves the console's today to `date` (YYYY-MM-DD), for every answer and job after it (`/date`,
   * `/jobs --date`), so month-end scorecards and Monday digests can be seen; returns the new today.
   */
  setDate?: (date: LocalDate) => string;
  /** Sends what an answer put in the outbox (an intel post) now. */
  onQueued?: () => Promise<void>;
  /** Where files an answer carries (exports) are written; default `./exports`. */
  exportDir?: string;
}

const buttonsOf = (answer: ChatAnswer): Button[] => answer.view.blocks.flatMap((b) => (b.type === 'actions' || b.type === 'item' ? b.buttons : []));

/**
 * The local console platform, a small loop over the conversation port (chat/router.ts): a typed
 * line becomes a command request, the answer is printed (a form is asked field by field, files are
 * saved, buttons are numbered and pressed with `/press <n>`). The console's own commands are
 * `/as`, `/jobs`, `/press` and `/quit`. Returns when the input ends or the user types /quit.
 */
export async function runConsole(o: ConsoleOptions): Promise<void> {
  const { deps, prompt } = o;
  let locale = deps.settings.defaultLocale;
  if (o.offerDemo && (await deps.store.people.count()) === 0) {
    const yes = await prompt.ask(t(locale, 'console.loadDemo'));
    if (yes !== null && !/^n/i.test(yes.trim())) {
      const s = await seedDemo(deps);
      prompt.say(t(locale, 'console.demoLoaded', { reps: s.reps, accounts: s.accounts, activities: s.activities }));
    }
  }
  const people = (await deps.store.people.find()).filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name));
  if (people.length === 0) return prompt.say(t(locale, 'console.noPeople'));

  const choose = async (hint?: string): Promise<Person | null> => {
    let text = hint;
    for (;;) {
      if (text === undefined) {
        prompt.say(people.map((p, i) => `  ${i + 1}. ${p.name} (${roleList(locale, p.roles)})`).join('\n'));
        const answer = await prompt.ask(t(locale, 'console.whoAreYou'));
        if (answer === null || /^\/(quit|exit)\b/i.test(answer.trim())) return null;
        text = answer;
      }
      const found = matchPerson(people, text);
      if ('person' in found) return found.person;
      prompt.say(matchProblem(locale, text, found.candidates));
      text = undefined;
    }
  };

  let actor = await choose(o.as);
  if (!actor) return;
  locale = actor.locale;
  prompt.say(t(locale, 'console.welcome'));
  prompt.say(t(locale, 'console.youAre', { name: actor.name, roles: roleList(locale, actor.roles) }));
  let buttons: Button[] = [];
  const requestId = () => `console:${deps.newId()}`;

  /** Prints an answer: a form asked field by field (its submission answered in turn), else the view, files and numbered buttons. */
  const show = async (me: Person, answer: ChatAnswer, request: ChatRequest): Promise<void> => {
    if (answer.form) {
      const { form, kind, as } = answer.form;
      const ref = { form: as ?? form.id, ...(kind ? { kind } : {}) };
      const id = requestId();
      const done = await fillForm(deps, prompt, form, locale, (values) => converse(deps, me, { type: 'submit', ref, values, request: { ...request, requestId: id } }));
      if (!done) return prompt.say(t(locale, 'console.cancelled'));
      return show(me, done, request);
    }
    // Buttons are numbered where they stand ("[3 Edit]"), in the order buttonsOf lists them.
    const text = renderText(answer.view, { numberButtons: true });
    prompt.say(answer.saved && !answer.saved.pending ? `✓ ${text}` : text);
    for (const file of answer.files ?? []) prompt.say(t(locale, 'console.fileSaved', { path: await saveFile(o.exportDir ?? 'exports', file) }));
    if (answer.queued) await o.onQueued?.();
    buttons = buttonsOf(answer);
    if (buttons.length > 0) prompt.say(t(locale, 'console.pressHint'));
  };

  for (;;) {
    const line = await prompt.ask(`\n${actor.name}> `);
    if (line === null || /^\/(quit|exit)\b/i.test(line.trim())) break;
    // A pasted block keeps its lines: the command on the first, its CSV or notes after.
    const text = line.trim();
    if (!text) continue;
    try {
      if (/^\/as\b/i.test(text)) {
        const next = await choose(text.replace(/^\/as\s*/i, '') || undefined);
        if (next) {
          actor = next;
          locale = actor.locale;
          buttons = [];
          prompt.say(t(locale, 'console.youAre', { name: actor.name, roles: roleList(locale, actor.roles) }));
        }
        continue;
      }
      const dated = /^\/(date|jobs)(?:\s+(?:--date\s+)?(.+?))?\s*$/i.exec(text);
      if (dated && (dated[2] || dated[1]!.toLowerCase() === 'date')) {
        if (!o.setDate || !dated[2] || !isLocalDate(dated[2])) {
          prompt.say(t(locale, 'console.dateUsage'));
          continue;
        }
        prompt.say(t(locale, 'console.dateSet', { date: o.setDate(dated[2] as LocalDate) }));
      }
      if (dated && dated[1]!.toLowerCase() === 'jobs' && o.runJobs) {
        prompt.say(t(locale, 'console.jobsRan', { summary: await o.runJobs() }));
        continue;
      }
      if (dated) continue;
      // Re-read the actor: an admin may just have changed their roles or team.
      actor = (await deps.store.people.get(actor.id)) ?? actor;
      const me = actor;
      const request = consoleRequest(people, locale, '', requestId());
      const press = /^\/press\s+(\S+)\s*$/i.exec(text);
      if (press) {
        if (buttons.length === 0) {
          prompt.say(t(locale, 'console.noButtons'));
          continue;
        }
        const button = buttons[Number(press[1]) - 1];
        if (!button) {
          prompt.say(t(locale, 'console.noButton', { n: press[1]!, count: buttons.length }));
          continue;
        }
        await show(me, await converse(deps, me, { type: 'button', action: button.id, value: button.value, request }), request);
        continue;
      }
      const cmd = parseCommand(text);
      if (!cmd) {
        prompt.say(t(locale, 'console.unknownCommand', { text }));
        continue;
      }
      const input: ChatInput = { type: 'command', command: cmd.command, request: consoleRequest(people, locale, cmd.text, requestId()) };
      await show(me, await converse(deps, me, input), input.request);
    } catch (e) {
      prompt.say(e instanceof ConsoleInputError ? `⚠ ${e.message}` : `⚠ ${errorText(locale, e)}`);
    }
  }
  prompt.say(t(locale, 'console.bye'));
}
