import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { terminalText } from './terminal-text.js';

/**
 * Line-by-line questions over any pair of streams (a terminal, or test pipes). Everything the
 * console prints goes through here, made safe for a terminal (terminal-text.ts).
 */
export interface Prompt {
  /** Writes the question and resolves with the next line, or null when the input ended. */
  ask(question: string): Promise<string | null>;
  say(text: string): void;
  close(): void;
}

export function createPrompt(input: Readable, output: Writable): Prompt {
  const rl = readline.createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      output.write(terminalText(question));
      const next = await lines.next();
      return next.done ? null : String(next.value);
    },
    say(text) {
      const safe = terminalText(text);
      output.write(safe.endsWith('\n') ? safe : `${safe}\n`);
    },
    close() {
      rl.close();
    },
  };
}
