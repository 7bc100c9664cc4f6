import type { z } from 'zod';
import type { AppDeps } from '../application/deps.js';
import { AppError, isAppError } from '../domain/errors.js';

type Json = z.core.util.JSONType;

/**
 * A state-changing request runs once per platform request id (Slack's `trigger_id`, unique per
 * command invocation and per click): a replay of the same signed body inside Slack's 5-minute
 * window gets the first answer again and changes nothing. The id is claimed in the store before
 * the work (so replicas agree and a concurrent replay cannot slip in); the answer is kept with it;
 * a request that fails releases its claim, so a retry after a refusal is handled afresh.
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
  const receivedAt = deps.clock.now().toISOString();
  try {
    await deps.store.processedEvents.insert({ id, receivedAt });
  } catch (e) {
    if (!(isAppError(e) && e.code === 'CONFLICT')) throw e;
    const first = await deps.store.processedEvents.get(id);
    if (first?.answer !== undefined) return codec.fromJson(first.answer);
    throw new AppError('CONFLICT', `request ${requestId} is already being handled`, { params: { messageId: 'error.requestInFlight' } });
  }
  let answer: A;
  try {
    answer = await run();
  } catch (e) {
    await deps.store.processedEvents.delete(id);
    throw e;
  }
  await deps.store.processedEvents.put({ id, receivedAt, answer: codec.toJson(answer) });
  return answer;
}

/** Plain data (views, texts) kept as JSON. */
export const jsonCodec = <A>(): { toJson: (a: A) => Json; fromJson: (j: Json) => A } => ({
  toJson: (a) => JSON.parse(JSON.stringify(a ?? null)) as Json,
  fromJson: (j) => j as A,
});
