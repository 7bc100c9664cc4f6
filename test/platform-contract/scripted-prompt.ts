import type { Prompt } from '../../src/adapters/console/prompt.js';

/**
 * The console's Prompt, typed into by a test: `type(line)` answers the question the console is
 * waiting on and returns everything it printed until it waits again (or ends). No timers: the
 * console's own `ask` says when it waits.
 */
export class ScriptedPrompt implements Prompt {
  readonly printed: string[] = [];
  /** The question the console waits on; null while it works or after it ended. */
  question: string | null = null;
  private answer: ((line: string | null) => void) | undefined;
  private waiters: (() => void)[] = [];
  private ended = false;

  ask(question: string): Promise<string | null> {
    this.printed.push(question);
    this.question = question;
    return new Promise((resolve) => {
      this.answer = resolve;
      this.wake();
    });
  }

  say(text: string): void {
    this.printed.push(text);
  }

  close(): void {}

  /** The console returned: nothing more will be asked. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  async type(line: string | null): Promise<string> {
    await this.waiting();
    if (this.ended) throw new Error(`the console has ended; could not type ${line}`);
    const from = this.printed.length;
    const answer = this.answer!;
    this.answer = undefined;
    this.question = null;
    answer(line);
    await this.waiting();
    return this.printed.slice(from).join('\n');
  }

  private waiting(): Promise<void> {
    return this.answer || this.ended ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
