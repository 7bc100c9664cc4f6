/**
 * Every chat platform the bot speaks, and the shape of a user id on each. Adding a platform is an
 * entry here (the list and its ids): identities, channel refs, outbox items, people imports,
 * channel settings and profile caches derive their checks from it, so none can forget it.
 */
export const PLATFORMS = ['slack', 'lark', 'console'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

interface PlatformIds {
  /** A user id on the platform (what follows `<platform>:`), as a regular-expression source. */
  user: string;
  /** How a user id typed by a person (a CSV cell) is written as stored: Slack's ids are upper case. */
  normalise?: (id: string) => string;
  /** A user id of the right shape (documentation and tests). */
  example: string;
}

export const PLATFORM_IDS: Readonly<Record<PlatformName, PlatformIds>> = {
  slack: { user: '[A-Z0-9]{2,32}', normalise: (id) => id.toUpperCase(), example: 'U0123ABC' },
  lark: { user: 'ou_[A-Za-z0-9]{4,64}', example: 'ou_abc123' },
  console: { user: '[a-z0-9._-]{1,64}', example: 'ann' },
};

const ANY_PLATFORM = PLATFORMS.join('|');

/** A person on a platform: `slack:<user id>`, `lark:<open_id>` or `console:<name>` (local console). */
export const IDENTITY_RE = new RegExp(`^(${PLATFORMS.map((p) => `${p}:${PLATFORM_IDS[p].user}`).join('|')})$`);

/** A channel on a platform (`slack:C0123`, `lark:oc_abc`), as settings and outbox targets hold it. */
export const CHANNEL_REF_RE = new RegExp(`^(${ANY_PLATFORM}):[A-Za-z0-9_-]{1,64}$`);

const TYPED_IDENTITY_RE = new RegExp(`^(${ANY_PLATFORM})\\s*:\\s*(.+)$`, 'i');

/**
 * An identity as a person may type it (the prefix in any case, spaces around the colon) written
 * the stored way; null when it names no platform. Whether the id has the right shape is
 * IDENTITY_RE's to say.
 */
export function normaliseIdentity(typed: string): string | null {
  const m = TYPED_IDENTITY_RE.exec(typed);
  if (!m) return null;
  const platform = m[1]!.toLowerCase() as PlatformName;
  const normalise = PLATFORM_IDS[platform].normalise ?? ((id: string) => id);
  return `${platform}:${normalise(m[2]!)}`;
}
