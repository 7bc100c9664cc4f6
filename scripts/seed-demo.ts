import { seedDemo } from '../src/application/seed-demo.js';
import { databasePath } from '../src/adapters/embedded/sqlite-store.js';
import { runCli } from './cli.js';

/** `npm run seed:demo`: fills an empty store with the demo organisation, dated relative to today. */
await runCli(async (deps, config) => {
  const where = config.mongodbUri ? 'MongoDB (MONGODB_URI)' : databasePath(config.dataDir);
  process.stdout.write(`Seeding the demo organisation into ${where} …\n`);
  const s = await seedDemo(deps);
  process.stdout.write(
    `Done: ${s.teams} teams, ${s.reps} reps, ${s.accounts} key accounts; ${s.activities} activities, ${s.deals} deals, ` +
      `${s.payments} payments, ${s.feedback} feedback, ${s.peerReviews} peer reviews, ${s.intel} intel posts over ${s.periods.join(', ')}.\n` +
      `Next: npm run report -- --period ${s.periods[s.periods.length - 2]}\n`,
  );
});
