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

/** Bracketed paste (xterm, and every common terminal): pasted text arrives between these markers. */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/**
 * `bracketedPaste`: ask the terminal to mark pasted text, so a pasted CSV or a block of interview
 * notes comes back as one answer of several lines instead of one command per line.
 */
export function createPrompt(input: Readable, output: Writable, opts: { bracketedPaste?: boolean } = {}): Prompt {
  const rl = readline.createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  if (opts.bracketedPaste) output.write('\x1b[?2004h');
  const nextLine = async (): Promise<string | null> => {
    const next = await lines.next();
    return next.done ? null : String(next.value);
  };
  return {
    async ask(question) {
      output.write(terminalText(question));
      const first = await nextLine();
      if (first === null || !first.includes(PASTE_START)) return first;
      // A paste: every line up to the end marker is one answer (an unterminated paste ends with the input).
      const pasted = [first.replace(PASTE_START, '')];
      while (!pasted.at(-1)!.includes(PASTE_END)) {
        const more = await nextLine();
        if (more === null) break;
        pasted.push(more);
      }
      return pasted.join('\n').replace(PASTE_END, '');
    },
    say(text) {
      const safe = terminalText(text);
      output.write(safe.endsWith('\n') ? safe : `${safe}\n`);
    },
    close() {
      if (opts.bracketedPaste) output.write('\x1b[?2004l');
      rl.close();
    },
  };
}
