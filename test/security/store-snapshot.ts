import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/records.js';
import type { Store } from '../../src/ports/store.js';

/**
 * A whole-store snapshot for the role matrix: every record of every collection, so "a refusal
 * changed nothing" is checked record by record, and the store can be put back after an allowed
 * command changed it (one running app per platform serves every case).
 *
 * Left out: `processedEvents` (each Lark event and Slack event id is remembered on arrival, allowed
 * or not: that is replay protection, not an effect) and `leases` (scheduler bookkeeping).
 */
const IGNORED: ReadonlySet<CollectionName> = new Set(['processedEvents', 'leases']);
const WATCHED = COLLECTION_NAMES.filter((n) => !IGNORED.has(n));

type Rec = { id: string } & Record<string, unknown>;
export type Snapshot = Map<CollectionName, Map<string, string>>;

const coll = (store: Store, name: CollectionName) => store[name] as unknown as { find(): Promise<Rec[]>; delete(id: string): Promise<boolean>; put(r: Rec): Promise<Rec> };

export async function snapshot(store: Store): Promise<Snapshot> {
  const snap: Snapshot = new Map();
  for (const name of WATCHED) {
    snap.set(name, new Map((await coll(store, name).find()).map((r) => [r.id, JSON.stringify(r)] as const)));
  }
  return snap;
}

/** `collection: +added ~changed -removed` for every collection that differs, ignoring the `skip` records. */
export function diff(before: Snapshot, after: Snapshot, skip: (name: CollectionName, json: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of WATCHED) {
    const b = before.get(name)!;
    const a = after.get(name)!;
    const added = [...a.keys()].filter((id) => !b.has(id) && !skip(name, a.get(id)!));
    const changed = [...a.keys()].filter((id) => b.has(id) && b.get(id) !== a.get(id) && !skip(name, a.get(id)!));
    const removed = [...b.keys()].filter((id) => !a.has(id));
    if (added.length + changed.length + removed.length > 0) {
      out[name] = [...added.map((i) => `+${i}`), ...changed.map((i) => `~${i}`), ...removed.map((i) => `-${i}`)].join(' ');
    }
  }
  return out;
}

/**
 * Puts the store back as it was: records added since are deleted (dependents first: the registry
 * lists a collection after those it points at), changed or removed ones are put back.
 */
export async function restore(store: Store, to: Snapshot, current?: Snapshot): Promise<void> {
  const now = current ?? (await snapshot(store));
  for (const name of [...WATCHED].reverse()) {
    const was = to.get(name)!;
    for (const id of now.get(name)!.keys()) if (!was.has(id)) await coll(store, name).delete(id);
  }
  for (const name of WATCHED) {
    const cur = now.get(name)!;
    for (const [id, json] of to.get(name)!) if (cur.get(id) !== json) await coll(store, name).put(JSON.parse(json) as Rec);
  }
}
