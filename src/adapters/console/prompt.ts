import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Line-by-line questions over any pair of streams (a terminal, or test pipes). */
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
      output.write(question);
      const next = await lines.next();
      return next.done ? null : String(next.value);
    },
    say(text) {
      output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    close() {
      rl.close();
    },
  };
}
