import type { z } from 'zod';
import type { AppDeps } from '../application/deps.js';
import { claimEvent, finishEvent, releaseEvent } from '../application/event-claims.js';
import { AppError } from '../domain/errors.js';

type Json = z.core.util.JSONType;

/**
 * A state-changing request runs once per platform request id (Slack's `trigger_id`, unique per
 * command invocation and per click): a replay of the same signed body inside Slack's 5-minute
 * window gets the first answer again and changes nothing. The id is claimed like an event
 * (application/event-claims.ts: replicas agree, a concurrent replay cannot slip in, a claim left by
 * a crashed handler expires); the answer is kept with it; a request that fails releases its claim,
 * so a retry after a refusal is handled afresh.
 *
 * `toJson` / `fromJson` say how the answer is kept (views are plain data; uploaded files are not
 * kept: the first request delivered them).
 */
export async function oncePerRequest<A>(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  requestId: string | undefined,
  run: () => Promise<A>,
  codec: { toJson: (a: A) => Json; fromJson: (j: Json) => A },
): Promise<A> {
  if (!requestId) return run();
  const id = `req:${requestId}`.slice(0, 200);
  if (!(await claimEvent(deps, id))) {
    const first = await deps.store.processedEvents.get(id);
    if (first?.answer !== undefined) return codec.fromJson(first.answer);
    throw new AppError('CONFLICT', `request ${requestId} is already being handled`, { params: { messageId: 'error.requestInFlight' } });
  }
  let answer: A;
  try {
    answer = await run();
  } catch (e) {
    await releaseEvent(deps, id);
    throw e;
  }
  await finishEvent(deps, id, codec.toJson(answer));
  return answer;
}

/** Plain data (views, texts) kept as JSON. */
export const jsonCodec = <A>(): { toJson: (a: A) => Json; fromJson: (j: Json) => A } => ({
  toJson: (a) => JSON.parse(JSON.stringify(a ?? null)) as Json,
  fromJson: (j) => j as A,
});
