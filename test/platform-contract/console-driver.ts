import fs from 'node:fs';
import path from 'node:path';
import { runConsole } from '../../src/adapters/console/console-app.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { en } from '../../src/views/messages/en.js';
import { interviewsEn } from '../../src/views/messages/interviews.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import type { Opened, Platform, PlatformDriver, Submitted, Values, Who } from './driver.js';
import { ScriptedPrompt } from './scripted-prompt.js';

/** A form field's id from the label the console asks it with (the catalogue's `form.<id>` or `interview.form.<id>`, English). */
const FIELD_BY_LABEL = new Map<string, string>(
  Object.entries({ ...en, ...interviewsEn })
    .flatMap(([k, label]) => {
      const id = /^(?:interview\.)?form\.([A-Za-z]+)$/.exec(k)?.[1];
      return id ? [[label, id] as const] : [];
    })
    .reverse(), // the first key wins a label two keys share (form.account over form.accountId)
);

/** The label in a field question: `Label (optional) [default]\n  hint\n> `. */
const labelOf = (question: string): string => {
  // The default may run over several lines (a prefilled plan): the label is what comes before it.
  const line = question.split('\n')[0]!.split(' [')[0]!;
  const optional = ` (${t('en', 'console.optional')})`;
  return line.endsWith(optional) ? line.slice(0, -optional.length) : line;
};

/**
 * The local console through its real loop (runConsole) with a scripted prompt: a person is chosen
 * with /as, commands are typed, forms are answered field by field as asked.
 */
async function consoleDriver(): Promise<PlatformDriver> {
  const deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const exportDir = path.join(deps.dataDir, 'exports');
  const prompt = new ScriptedPrompt();
  const running = runConsole({ deps, prompt, offerDemo: false, as: 'ann', exportDir }).finally(() => prompt.end());
  let actor: Who = 'ann';
  const lines: string[] = [];

  const as = async (who: Who) => {
    if (who !== actor) await prompt.type(`/as ${who}`);
    actor = who;
  };
  /** The console waits on a form's field rather than on its command line (`name> `). */
  const inForm = () => prompt.question !== null && !/^\n\S+> $/.test(prompt.question);

  /** The console kept a refused form's answers and asks whether to send them again. */
  const SEND_AGAIN = t('en', 'console.sendAgain');
  const asksToSendAgain = () => prompt.question?.trim() === SEND_AGAIN;

  const answerForm = async (values: Values): Promise<Submitted> => {
    const shown: string[] = [];
    // Submitting the form again is saying yes to sending the kept answers.
    if (asksToSendAgain()) shown.push(await prompt.type('y'));
    while (inForm() && !asksToSendAgain()) {
      const label = labelOf(prompt.question!);
      const id = FIELD_BY_LABEL.get(label);
      if (!id) throw new Error(`the console asks for a field the driver does not know: ${label}`);
      const out = await prompt.type(values[id] ?? '');
      shown.push(out);
      if (asksToSendAgain()) return { fieldErrors: {}, stillOpen: true, text: shown.join('\n') };
      const refused = out.split('\n').filter((l) => l.startsWith('✗ '));
      if (refused.length > 0) {
        // The console says each refused field, then asks it again: the form stays open.
        const fieldErrors = Object.fromEntries(refused.map((l) => /^✗ (.+?): (.+)$/.exec(l)!).map(([, label, error]) => [FIELD_BY_LABEL.get(label!) ?? label!, error!]));
        return { fieldErrors, stillOpen: inForm(), text: shown.join('\n') };
      }
    }
    return { fieldErrors: {}, stillOpen: false, text: shown.join('\n') };
  };

  return {
    deps,
    async open(who, command, text = '') {
      await as(who);
      const out = await prompt.type(`/${command} ${text}`.trim());
      lines.push(out);
      // A form starts with its title, then `(type /cancel …)`.
      if (inForm()) return { title: out.trim().split('\n')[0]!.replace(/ {2}\(.*\)$/, ''), text: '' } satisfies Opened;
      return { title: null, text: out };
    },
    async command(who, command, text = '') {
      await as(who);
      return prompt.type(`/${command} ${text}`.trim());
    },
    submit: (_who, values) => answerForm(values),
    async filesSent() {
      if (!fs.existsSync(exportDir)) return [];
      return fs.readdirSync(exportDir).sort().map((name) => ({ name, content: fs.readFileSync(path.join(exportDir, name)) }));
    },
    async close() {
      // End of input: a form is cancelled, then the loop ends.
      while (prompt.question !== null) await prompt.type(null);
      await running;
      await deps.cleanup();
    },
  };
}

export const CONSOLE: Platform = {
  name: 'console',
  notApplicable: {
    'submitted-twice': 'a form typed in the console is submitted once, by the loop itself: no platform retries or double clicks',
    'decision-replaces': 'the console presses a button by the number it printed beside it (/press 3, test/console/console-port.test.ts), not by a button id the contract could name; no message is replaced, the answer is printed after it',
    'rate-limited': 'no platform API between the console and the person: nothing answers 429',
    'redelivered-event': 'a typed line is read once from the terminal: there are no platform events to redeliver',
    'redelivery-after-crash': 'a typed line is read once from the terminal: there are no platform events to redeliver',
    'duplicate-while-handling': 'one console, one reader: no second replica receives the same line',
    'stale-button': 'the console presses a button by the number it printed beside it (/press 3, test/console/console-port.test.ts), not by a button id the contract could name; no message is replaced, the answer is printed after it',
    'stale-button-language': 'the console presses a button by the number it printed beside it (/press 3, test/console/console-port.test.ts), not by a button id the contract could name; no message is replaced, the answer is printed after it',
  },
  start: consoleDriver,
};
