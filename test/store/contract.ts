import { describe } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { actualsContract } from './contract/actuals.js';
import { batchesContract } from './contract/batches.js';
import { deliveryContract } from './contract/delivery.js';
import { useStore } from './contract/harness.js';
import { queriesContract } from './contract/queries.js';
import { recordsContract } from './contract/records.js';
import { removalAndBatchesContract } from './contract/removal-and-batches.js';

/**
 * The store contract: what every Store adapter must do, written once and run against each
 * (embedded.test.ts, mongo.test.ts). `open` must return a new, empty store on every call; the
 * suite closes it after each test.
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const store = useStore(open);
    recordsContract(store);
    removalAndBatchesContract(store);
    batchesContract(store);
    queriesContract(store);
    actualsContract(store);
    deliveryContract(store);
  });
}
