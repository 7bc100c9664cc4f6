import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import type { ChatAnswer, ChatRequest } from './port.js';

/** A `/cycle` subcommand: the words after it, and the whole request (mentions, lines). The features own theirs; chat/cycle.ts gathers them. */
export type CycleSubcommand = (deps: AppDeps, actor: Person, args: string[], req: ChatRequest) => Promise<ChatAnswer>;
