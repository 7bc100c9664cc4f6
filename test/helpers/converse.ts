import type { AppDeps } from '../../src/application/deps.js';
import { converse } from '../../src/chat/router.js';
import type { CommandName } from '../../src/chat/commands.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { renderText } from '../../src/views/render-text.js';

/**
 * A command sent to the conversation core (chat/router.ts) the way every platform sends it, read
 * back as the text a person sees: the answer, or the refusal in their language. `users` are the
 * mentioned people, already resolved as a platform resolves mentions.
 */
export async function say(deps: AppDeps, actor: Person, command: CommandName, text = '', users: Person[] = []): Promise<string> {
  const [first = '', ...lines] = text.split('\n');
  try {
    const answer = await converse(deps, actor, {
      type: 'command',
      command,
      request: { words: first.split(/\s+/).filter(Boolean), users, unknownUsers: [], lines, platforms: ['console'], platform: 'console', requestId: `test:${deps.newId()}` },
    });
    return renderText(answer.view).trim();
  } catch (e) {
    if (isAppError(e)) return `⚠ ${errorText(actor.locale, e)}`;
    throw e;
  }
}

/** A form submitted to the conversation core, read back as the confirmation or the refusal. */
export async function submit(deps: AppDeps, actor: Person, form: string, values: Record<string, string>): Promise<string> {
  const answer = await converse(deps, actor, {
    type: 'submit',
    ref: { form },
    values,
    request: { words: [], users: [], unknownUsers: [], lines: [], platforms: ['console'], platform: 'console', requestId: `test:${deps.newId()}` },
  });
  return answer.refused ? `⚠ ${answer.refused.reason}` : renderText(answer.view).trim();
}
