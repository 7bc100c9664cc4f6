import { enqueue } from '../application/delivery/enqueue.js';
import { channelLocale, type AppDeps } from '../application/deps.js';
import type { PlatformName } from '../domain/model/delivery.js';
import type { Intel } from '../domain/model/entries.js';
import type { Person } from '../domain/model/people.js';
import { t } from '../views/i18n.js';
import type { View } from '../views/view.js';

export const INTEL_JOB = 'intel-post';

/**
 * A new intel entry posted to the intel channels of the platform it came from, through the outbox
 * like every message the bot sends unasked: stored first under the entry's id (a replayed
 * submission queues nothing twice), then paced, retried and checked by the dispatcher. The topic
 * and text are the rep's words, literal in the view; each platform escapes them.
 */
export async function queueIntelPost(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, actor: Person, intel: { entry: Intel; channels: string[] }, platform: PlatformName): Promise<number> {
  // The channel is the company's: its heading is in the company's language, not the author's.
  const heading = t(channelLocale(deps.settings), 'intel.post', { author: actor.name, topic: intel.entry.topic });
  const view: View = { title: heading, blocks: [{ type: 'header', text: heading }, { type: 'text', text: intel.entry.text }] };
  const { queued } = await enqueue(
    deps,
    intel.channels.map((channel) => ({
      job: INTEL_JOB,
      runKey: intel.entry.id,
      platform,
      target: { kind: 'channel' as const, channel: `${platform}:${channel}` },
      message: { text: `${heading}\n${intel.entry.text}`, view },
    })),
  );
  return queued;
}
