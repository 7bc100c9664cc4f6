import http from 'node:http';
import { formToModal } from '../../src/adapters/slack/render/modal.js';
import { seededRandom } from '../../src/application/random.js';
import { visitForm } from '../../src/views/forms/entry-forms.js';
import { FakeSlack, type SlackUser } from '../../test/slack/fake-slack.js';
import { payloadBody, slackSignature, viewSubmission } from '../../test/slack/signing.js';

/**
 * Slack's side of the ack benchmark, in a child process so it never competes with the app for the
 * app's event loop: the loopback fake Web API (users.info, response_url) and the sender of signed
 * `view_submission` payloads, in a closed loop (a fixed number in flight) or an open one (arrivals
 * at a fixed rate). Each request is timed until the whole HTTP response has arrived, which is the
 * ack as Slack sees it (over loopback, no network).
 */

/** One visit submission: who, which account, and the ids that make it distinct. */
export interface VisitSpec {
  user: string;
  accountId: string;
  accountName: string;
  date: string;
  nextStepDate: string;
  viewId: string;
  /** The response_url id the confirmation must land on. */
  responseId: string;
}

export type ToSlack =
  | { type: 'init'; users: SlackUser[] }
  | { type: 'send'; url: string; secret: string; concurrency: number; specs: VisitSpec[] }
  /** Open loop: Poisson arrivals at `rate` per second, whatever the answers do. */
  | { type: 'arrive'; url: string; secret: string; rate: number; seed: number; specs: VisitSpec[] }
  | { type: 'confirmations'; ids: string[]; timeoutMs: number }
  | { type: 'stop' };

export type FromSlack =
  | { type: 'ready'; apiUrl: string }
  | { type: 'sent'; latencies: number[]; statuses: Record<string, number>; nonEmptyBodies: string[]; wallMs: number; cpuMs: number; payloadBytes: number }
  | { type: 'confirmations'; expected: number; received: number; notOk: string[]; waitedMs: number; calls: Record<string, number> };

const fake = new FakeSlack();
const send = (m: FromSlack): void => void process.send!(m);

/** The modal's blocks as the app renders them: Slack echoes them in every submission. */
function visitBlocks(today: string, account: { value: string; label: string }): unknown[] {
  return formToModal(visitForm({ locale: 'en', today, baseCurrency: 'CNY' }, { account }), { privateMetadata: '', closeLabel: 'Cancel' }).blocks;
}

function signedBody(spec: VisitSpec): string {
  const values = {
    account: { option: spec.accountId },
    newAccountName: undefined,
    newAccountTier: { option: 'B' },
    date: { date: spec.date },
    mode: { option: 'in_person' },
    contacts: { text: 'Li Wei (CTO), Zhao Min (buyer)' },
    purpose: { text: 'Quarterly business review' },
    outcome: { text: 'Agreed on a pilot for two lines; procurement to send the frame contract.' },
    nextStep: { text: 'Send the revised proposal' },
    nextStepDate: { date: spec.nextStepDate },
  };
  return payloadBody(
    viewSubmission({
      user: spec.user,
      form: 'visit',
      viewId: spec.viewId,
      triggerId: `trigger-${spec.viewId}`,
      privateMetadata: JSON.stringify({ r: fake.responseUrl(spec.responseId), c: 'C0SALES' }),
      values,
      blocks: visitBlocks(spec.date, { value: spec.accountId, label: spec.accountName }),
    }),
  );
}

interface Poster {
  /** Posts body i; resolves when its whole response has arrived (latency measured from `since`). */
  post(i: number, since: number): Promise<void>;
  result(wallMs: number, cpuMs: number): FromSlack;
  destroy(): void;
}

/** Bodies built and signed beforehand, so the timed part is the request alone. */
function poster(m: { url: string; secret: string; specs: VisitSpec[] }, agent: http.Agent): Poster {
  const ts = Math.floor(Date.now() / 1000);
  const bodies = m.specs.map((s) => {
    const body = signedBody(s);
    return { body, signature: slackSignature(m.secret, ts, body) };
  });
  const latencies: number[] = new Array<number>(bodies.length);
  const statuses: Record<string, number> = {};
  const nonEmptyBodies: string[] = [];
  const post = (i: number, since: number): Promise<void> =>
    new Promise((resolve) => {
      const { body, signature } = bodies[i]!;
      const req = http.request(m.url, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
      });
      // A refused or reset connection is a failed submission, counted, not the end of the run.
      req.on('error', (e: NodeJS.ErrnoException) => {
        latencies[i] = performance.now() - since;
        const key = `error ${e.code ?? e.message}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
        resolve();
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies[i] = performance.now() - since;
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          const text = Buffer.concat(chunks).toString('utf8');
          if (text && nonEmptyBodies.length < 5) nonEmptyBodies.push(text.slice(0, 300));
          resolve();
        });
      });
      req.end(body);
    });
  const payloadBytes = Math.round(bodies.reduce((s, b) => s + b.body.length, 0) / Math.max(1, bodies.length));
  return {
    post,
    result: (wallMs, cpuMs) => ({ type: 'sent', latencies, statuses, nonEmptyBodies, wallMs, cpuMs, payloadBytes }),
    destroy: () => agent.destroy(),
  };
}

/** Closed loop: every spec with `concurrency` requests in flight. */
async function sendAll(m: Extract<ToSlack, { type: 'send' }>): Promise<FromSlack> {
  const p = poster(m, new http.Agent({ keepAlive: true, maxSockets: m.concurrency }));
  let next = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(m.concurrency, m.specs.length) }, async () => {
      while (next < m.specs.length) await p.post(next++, performance.now());
    }),
  );
  const wallMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  p.destroy();
  return p.result(wallMs, (user + system) / 1000);
}

/**
 * Open loop: arrivals at exponential intervals (a Poisson process at `rate`/s), each sent at its
 * scheduled time however many are still waiting. A request's latency counts from its scheduled
 * arrival, so time spent behind a late sender is not hidden (no coordinated omission). Connections
 * are kept alive and opened as needed, as many as are in flight.
 */
async function arriveAll(m: Extract<ToSlack, { type: 'arrive' }>): Promise<FromSlack> {
  const p = poster(m, new http.Agent({ keepAlive: true, maxSockets: Infinity }));
  const rnd = seededRandom(m.seed);
  const at: number[] = [];
  for (let t = 0, i = 0; i < m.specs.length; i++) at.push((t += (-Math.log(1 - rnd.next()) / m.rate) * 1000));
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < at.length; ) {
    const now = performance.now() - t0;
    while (i < at.length && at[i]! <= now) {
      inFlight.push(p.post(i, t0 + at[i]!));
      i++;
    }
    if (i < at.length) await new Promise((r) => setTimeout(r, Math.max(0, Math.min(1, at[i]! - (performance.now() - t0)))));
  }
  await Promise.all(inFlight);
  const wallMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  p.destroy();
  return p.result(wallMs, (user + system) / 1000);
}

/** Waits until a confirmation has reached every expected response_url, or the timeout. */
async function confirmations(m: Extract<ToSlack, { type: 'confirmations' }>): Promise<FromSlack> {
  const want = new Set(m.ids);
  const t0 = performance.now();
  const arrived = (): number => fake.responses.filter((r) => want.has(r.id)).length;
  while (arrived() < want.size && performance.now() - t0 < m.timeoutMs) await new Promise((r) => setTimeout(r, 20));
  const mine = fake.responses.filter((r) => want.has(r.id));
  const notOk = mine.filter((r) => !String(r.body.text).startsWith(':white_check_mark:')).map((r) => `${r.id}: ${String(r.body.text).slice(0, 200)}`);
  const calls: Record<string, number> = {};
  for (const c of fake.calls) calls[c.method] = (calls[c.method] ?? 0) + 1;
  return { type: 'confirmations', expected: want.size, received: new Set(mine.map((r) => r.id)).size, notOk: notOk.slice(0, 5), waitedMs: performance.now() - t0, calls };
}

process.on('message', (m: ToSlack) => {
  const run = async (): Promise<void> => {
    switch (m.type) {
      case 'init':
        await fake.start();
        for (const u of m.users) fake.addUser(u);
        return send({ type: 'ready', apiUrl: fake.apiUrl });
      case 'send':
        return send(await sendAll(m));
      case 'arrive':
        return send(await arriveAll(m));
      case 'confirmations':
        return send(await confirmations(m));
      case 'stop':
        await fake.stop();
        return process.disconnect();
    }
  };
  run().catch((e: unknown) => {
    process.stderr.write(`Slack side failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
});
