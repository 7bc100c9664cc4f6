import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, describe } from 'vitest';
import { openMongoStore } from '../../src/adapters/mongo/mongo-store.js';
import { storeContract } from './contract.js';

/**
 * The store contract against a real MongoDB, whenever MONGODB_URI is set (CI runs a MongoDB
 * service). The run gets its own database, emptied before each test (collections and indexes are
 * kept, so each open is quick) and dropped at the end. The one test file that reads the environment.
 */
const uri = process.env.MONGODB_URI;

if (!uri) {
  console.info('MONGODB_URI not set: the MongoDB contract run is skipped; CI with a MongoDB service runs it');
  describe.skip('Store contract: MongoDB (needs MONGODB_URI)', () => {});
} else {
  const dbName = `kam_test_${randomUUID().slice(0, 8)}`;
  let admin: Connection | undefined;

  /** A connection of the test's own, to empty and finally drop the run's database. */
  const adminDb = async (): Promise<Connection> => {
    admin ??= await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
    return admin;
  };

  storeContract('MongoDB (mongoose)', async () => {
    const db = await adminDb();
    for (const c of await db.db!.collections()) await c.deleteMany({});
    return openMongoStore({ uri, dbName, serverSelectionTimeoutMS: 5_000 });
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.dropDatabase();
    await admin.close();
  }, 60_000);
}
