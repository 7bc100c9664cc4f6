import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import { accountAnswer } from './accounts.js';
import { awayAnswer, selfReviewAnswer } from './self-and-leave.js';
import { adjustAnswer } from './calibration.js';
import type { CommandName } from './commands.js';
import { cycleAnswer, publishAnswer } from './cycle.js';
import { interviewAnswer } from './interviews.js';
import { auditAnswer, exportAnswer } from './records-export.js';
import type { ChatAnswer, ChatRequest } from './port.js';
import { jsonCodec, oncePerRequest } from './once.js';
import { appealAnswer, awardAnswer } from './rewards.js';

/**
 * The review-cycle commands, one shared conversation for every platform: each platform parses
 * its mentions into a ChatRequest and renders the answer (and uploads its files).
 */
export const REVIEW_COMMANDS = ['cycle', 'publish-results', 'adjust', 'award', 'appeal', 'interview', 'export', 'audit', 'account', 'self-review', 'away'] as const satisfies readonly CommandName[];
export type ReviewCommand = (typeof REVIEW_COMMANDS)[number];

type Handler = (deps: AppDeps, actor: Person, req: ChatRequest) => Promise<ChatAnswer>;

const HANDLERS: Record<ReviewCommand, Handler> = {
  cycle: cycleAnswer,
  'publish-results': publishAnswer,
  adjust: adjustAnswer,
  award: awardAnswer,
  appeal: appealAnswer,
  interview: interviewAnswer,
  export: exportAnswer,
  audit: auditAnswer,
  account: accountAnswer,
  'self-review': selfReviewAnswer,
  away: awayAnswer,
};

export const isReviewCommand = (c: CommandName): c is ReviewCommand => (REVIEW_COMMANDS as readonly string[]).includes(c);

/**
 * Every review command runs once per platform request: a replayed command (same trigger_id) gets
 * the first answer back and changes nothing (no second adjustment, award, appeal …). Read-only
 * answers are replayed the same way; files an export carried are not uploaded twice.
 */
export const reviewAnswer = (deps: AppDeps, actor: Person, command: ReviewCommand, req: ChatRequest): Promise<ChatAnswer> =>
  oncePerRequest(deps, req.requestId, () => HANDLERS[command](deps, actor, req), {
    toJson: (a) => jsonCodec<Omit<ChatAnswer, 'files'>>().toJson({ view: a.view, ...(a.form ? { form: a.form } : {}) }),
    fromJson: (j) => j as unknown as ChatAnswer,
  });

/** A request with no mentions (tests, the console, a text typed without @): the words of `text`'s first line. */
export function plainRequest(text: string, platforms: ChatRequest['platforms'], users: Person[] = []): ChatRequest {
  const [first = '', ...lines] = text.split('\n');
  return { words: first.trim().split(/\s+/).filter(Boolean), users, unknownUsers: [], lines, platforms };
}
