import { parseArgs } from 'node:util';
import { processEnv } from '../src/config/config.js';
import { runAck } from './bench/ack.js';
import { wholeNumber as num, say } from './bench/format.js';
import { runFanout } from './bench/fanout.js';
import { runScoring } from './bench/scoring.js';
import { runScoringMongo } from './bench/scoring-mongo.js';

const USAGE = `Usage: npm run bench -- [--only scoring|ack|fanout]
  scoring: [--store embedded|mongo] [--reps 10000] [--activities 2000000] [--runs 3] [--batch 25000] [--keep] [--data DIR]
    Generates the benchmark organisation in a fresh temporary store (or reuses --data DIR from a --keep
    run; with --store mongo, a fresh database on MONGODB_URI, dropped afterwards unless --keep), then times scoring every rep for the last complete quarter against the period scan (physical limit), the all-rows scan and per-rep queries.
  ack: [--submissions 2000] [--concurrency 50] [--warmup 100] [--rates 100,300,500] [--seconds 5] [--keep]
    Starts the Slack adapter over HTTP on a loopback port (fresh temporary store with the demo org, Web API
    answered by a loopback fake) and times the ack of signed /visit submissions, client and server side:
    closed loop (--concurrency in flight), then open loop (Poisson arrivals at each rate for --seconds, then
    higher rates until the client-side p99 crosses 100 ms).
  fanout: [--fanout-reps 5000] [--fanout-activities 250000] [--fanout-plan-only] [--fanout-profile FILE] [--fanout-unpublished]
    Times a monthly scorecard round (plan, enqueue, dispatch) against a loopback fake Slack API in a child
    process with pacing off, with and without the trend chart rendered to PNG and uploaded. --fanout-plan-only
    stops after plan + enqueue (one round); --fanout-profile writes a CPU profile of plan + enqueue. The four
    past quarters are published first (setup), as in a company running its cycles; --fanout-unpublished
    leaves them unpublished (a first year with the bot), so the round scores them from the activities.
All sections run by default, in this order.`;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    store: { type: 'string', default: 'embedded' },
    reps: { type: 'string', default: '10000' },
    activities: { type: 'string', default: '2000000' },
    runs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '25000' },
    keep: { type: 'boolean', default: false },
    data: { type: 'string' },
    submissions: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '100' },
    rates: { type: 'string', default: '100,300,500' },
    seconds: { type: 'string', default: '5' },
    'fanout-reps': { type: 'string', default: '5000' },
    'fanout-activities': { type: 'string', default: '250000' },
    'fanout-plan-only': { type: 'boolean', default: false },
    'fanout-profile': { type: 'string' },
    'fanout-unpublished': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const SECTIONS = ['scoring', 'ack', 'fanout'] as const;
if (args.only !== undefined && !(SECTIONS as readonly string[]).includes(args.only)) {
  throw new Error(`--only must be one of ${SECTIONS.join(', ')}, got ${args.only}`);
}
const run = (section: (typeof SECTIONS)[number]): boolean => args.only === undefined || args.only === section;

if (args.store !== 'embedded' && args.store !== 'mongo') throw new Error(`--store must be embedded or mongo, got ${args.store}`);
// Only MONGODB_URI is read (from the environment or .env), and only for --store mongo: the bench needs no other setting.
const mongodbUri = processEnv().MONGODB_URI;
if (args.store === 'mongo' && !mongodbUri) {
  process.stderr.write('npm run bench -- --store mongo needs MONGODB_URI, e.g. MONGODB_URI=mongodb://127.0.0.1:27017 npm run bench -- --only scoring --store mongo\n');
  process.exit(2);
}
if (run('scoring') && args.store === 'mongo') {
  await runScoringMongo(
    { reps: num('reps', args.reps), activities: num('activities', args.activities), runs: num('runs', args.runs), batch: num('batch', args.batch), keep: args.keep, data: undefined },
    mongodbUri,
  );
} else if (run('scoring')) {
  await runScoring({
    reps: num('reps', args.reps),
    activities: num('activities', args.activities),
    runs: num('runs', args.runs),
    batch: num('batch', args.batch),
    keep: args.keep,
    data: args.data,
  });
}
if (run('ack')) {
  if (run('scoring')) say('');
  await runAck({
    submissions: num('submissions', args.submissions),
    concurrency: num('concurrency', args.concurrency),
    warmup: num('warmup', args.warmup),
    keep: args.keep,
    rates: args.rates.split(',').map((r) => num('rates', r.trim())),
    seconds: num('seconds', args.seconds),
  });
}
if (run('fanout')) {
  if (run('scoring') || run('ack')) say('');
  await runFanout({
    reps: num('fanout-reps', args['fanout-reps']),
    activities: num('fanout-activities', args['fanout-activities']),
    planOnly: args['fanout-plan-only'],
    ...(args['fanout-profile'] ? { profile: args['fanout-profile'] } : {}),
    unpublished: args['fanout-unpublished'],
  });
}
