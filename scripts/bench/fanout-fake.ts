import { FakeSlack } from '../../test/slack/fake-slack.js';

/**
 * The loopback fake Slack Web API in its own process, so the fan-out benchmark's timings are our
 * side's (planning, outbox, dispatch, rendering, the Web API client) and not the fake's. Told
 * 'stats' it answers the number of calls and uploads since the last 'reset' (which it acknowledges).
 */
const fake = new FakeSlack();
await fake.start();
process.send!({ apiUrl: fake.apiUrl });
process.on('message', (m: string) => {
  if (m === 'stats') {
    const count: Record<string, number> = {};
    for (const c of fake.calls) count[c.method] = (count[c.method] ?? 0) + 1;
    process.send!({ calls: count, uploads: fake.uploads.length, uploadBytes: fake.uploads.reduce((s, u) => s + u.bytes, 0) });
  }
  if (m === 'reset') {
    fake.reset();
    fake.uploads.length = 0;
    process.send!({ reset: true });
  }
  if (m === 'stop') void fake.stop().then(() => process.exit(0));
});
