import { keyedLock } from '../keyed-lock.js';

/**
 * One change to a period's results at a time in this process: an adjustment and a publication of
 * the same period never interleave, so an adjustment either makes it into the frozen results or is
 * refused because the period is published. (Across replicas the published state, re-checked inside
 * the lock, and the unique key on results keep it consistent.)
 */
export const periodLock = keyedLock();
