import type { AppDeps } from '../../application/deps.js';
import { seedDemo } from '../../application/seed-demo.js';
import { adminAnswer, mentionsUsers } from '../../chat/admin.js';
import { isEntryCommand, parseCommand } from '../../chat/commands.js';
import type { ChatRequest } from '../../chat/port.js';
import { isReviewCommand, reviewAnswer } from '../../chat/review.js';
import { entryForm, formCanOpen, submitEntryForm } from '../../chat/entry-forms.js';
import { helpAnswer, periodAndRest, rankingAnswer, scorecardAnswer } from '../../chat/reports.js';
import type { Person } from '../../domain/model/people.js';
import { errorText } from '../../views/errors.js';
import { t } from '../../views/i18n.js';
import { renderText } from '../../views/render-text.js';
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
  /** Where files an answer carries (exports) are written; default `./exports`. */
  exportDir?: string;
}

const matchPerson = (people: readonly Person[], text: string): Person | undefined => {
  const q = text.trim().toLowerCase().replace(/^@/, '');
  const n = Number(q);
  if (Number.isInteger(n) && n >= 1 && n <= people.length) return people[n - 1];
  return (
    people.find((p) => p.id.toLowerCase() === q || p.identities.some((i) => i.toLowerCase() === q || i.toLowerCase() === `console:${q}`)) ??
    people.find((p) => p.name.toLowerCase().startsWith(q)) ??
    people.find((p) => p.name.toLowerCase().includes(q))
  );
};

/**
 * The local console platform: the same commands as Slack and Lark, typed in a terminal, with forms
 * asked field by field and answered with the same validation and messages. Returns when the input
 * ends or the user types /quit.
 */
export async function runConsole(o: ConsoleOptions): Promise<void> {
  const { deps, prompt } = o;
  const exportDir = o.exportDir ?? 'exports';
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
        prompt.say(people.map((p, i) => `  ${i + 1}. ${p.name} (${p.roles.join(', ')})`).join('\n'));
        const answer = await prompt.ask(t(locale, 'console.whoAreYou'));
        if (answer === null) return null;
        text = answer;
      }
      const p = matchPerson(people, text);
      if (p) return p;
      prompt.say(t(locale, 'console.unknownUser', { name: text }));
      text = undefined;
    }
  };

  let actor = await choose(o.as);
  if (!actor) return;
  locale = actor.locale;
  prompt.say(t(locale, 'console.welcome'));
  prompt.say(t(locale, 'console.youAre', { name: actor.name, roles: actor.roles.join(', ') }));

  for (;;) {
    const line = await prompt.ask(`\n${actor.name}> `);
    if (line === null || /^\/(quit|exit)\b/i.test(line.trim())) break;
    const text = line.trim();
    if (!text) continue;
    try {
      if (/^\/as\b/i.test(text)) {
        const next = await choose(text.replace(/^\/as\s*/i, '') || undefined);
        if (next) {
          actor = next;
          locale = actor.locale;
          prompt.say(t(locale, 'console.youAre', { name: actor.name, roles: actor.roles.join(', ') }));
        }
        continue;
      }
      if (/^\/jobs\b/i.test(text) && o.runJobs) {
        prompt.say(t(locale, 'console.jobsRan', { summary: await o.runJobs() }));
        continue;
      }
      const cmd = parseCommand(text);
      if (!cmd) {
        prompt.say(t(locale, 'console.unknownCommand', { text }));
        continue;
      }
      // Re-read the actor: an admin may just have changed their roles or team.
      actor = (await deps.store.people.get(actor.id)) ?? actor;
      const current = actor;
      if (isEntryCommand(cmd.command)) {
        const form = await entryForm(deps, current, cmd.command, cmd.text);
        if (!formCanOpen(form)) {
          prompt.say(form.intro ?? '');
          continue;
        }
        const requestId = `console:${deps.newId()}`;
        const done = await fillForm(deps, prompt, form, locale, (values) =>
          submitEntryForm(deps, current, { formId: form.id, values, requestId, platform: 'console' }),
        );
        prompt.say(done ? `✓ ${done.text}` : t(locale, 'console.cancelled'));
        continue;
      }
      const words = cmd.text.split(/\s+/).filter(Boolean);
      const mentioned = words.filter((w) => w.startsWith('@')).map((w) => matchPerson(people, w));
      const plain = words.filter((w) => !w.startsWith('@'));
      switch (cmd.command) {
        case 'scorecard': {
          const { period } = periodAndRest(plain);
          const subject = mentioned[0];
          prompt.say(renderText(await scorecardAnswer(deps, current, { ...(subject ? { subject } : {}), ...(period ? { period } : {}) })));
          break;
        }
        case 'ranking': {
          const { period, rest } = periodAndRest(plain);
          prompt.say(renderText(await rankingAnswer(deps, current, { ...(rest ? { teamName: rest } : {}), ...(period ? { period } : {}) })));
          break;
        }
        case 'appraisal':
          prompt.say(renderText(helpAnswer(current, 'console')));
          break;
        case 'appraisal-admin': {
          const [first = '', ...rest] = cmd.text.split('\n');
          const firstWords = first.split(/\s+/).filter((w) => w && !w.startsWith('@') && !w.startsWith('#'));
          const users = mentionsUsers(firstWords) ? mentioned.filter((p): p is Person => p !== undefined) : [];
          const channel = first.split(/\s+/).find((w) => w.startsWith('#'));
          prompt.say(
            await adminAnswer(deps, current, {
              words: firstWords,
              users,
              ...(channel ? { channel: { ref: `console:${channel.slice(1)}`, label: channel } } : {}),
              ...(rest.length ? { csv: rest.join('\n') } : {}),
            }),
          );
          break;
        }
        default: {
          if (!isReviewCommand(cmd.command)) {
            prompt.say(t(locale, 'console.unknownCommand', { text }));
            break;
          }
          const [first = '', ...lines] = cmd.text.split('\n');
          const at = first.split(/\s+/).filter((w) => w.startsWith('@'));
          const req: ChatRequest = {
            words: first.split(/\s+/).filter((w) => w && !w.startsWith('@')),
            users: at.map((w) => matchPerson(people, w)).filter((p): p is Person => p !== undefined),
            unknownUsers: at.filter((w) => !matchPerson(people, w)),
            lines,
            platforms: ['console'],
          };
          const answer = await reviewAnswer(deps, current, cmd.command, req);
          if (answer.form) {
            const { form, kind } = answer.form;
            const requestId = `console:${deps.newId()}`;
            const done = await fillForm(deps, prompt, form, locale, (values) => submitEntryForm(deps, current, { formId: form.id, values, requestId, platform: 'console', kind }));
            prompt.say(done ? `✓ ${done.text}` : t(locale, 'console.cancelled'));
            continue;
          }
          prompt.say(renderText(answer.view));
          for (const file of answer.files ?? []) prompt.say(t(locale, 'console.fileSaved', { path: await saveFile(exportDir, file) }));
        }
      }
    } catch (e) {
      prompt.say(`⚠ ${errorText(locale, e)}`);
    }
  }
  prompt.say(t(locale, 'console.bye'));
}
