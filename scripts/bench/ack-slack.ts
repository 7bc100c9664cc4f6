import http from 'node:http';
import { formToModal } from '../../src/adapters/slack/render/modal.js';
import { visitForm } from '../../src/views/forms/entry-forms.js';
import { FakeSlack, type SlackUser } from '../../test/slack/fake-slack.js';
import { payloadBody, slackSignature, viewSubmission } from '../../test/slack/signing.js';

/**
 * Slack's side of the ack benchmark, in a child process so it never competes with the app for the
 * app's event loop: the loopback fake Web API (users.info, response_url) and the sender of signed
 * `view_submission` payloads. Each request is timed from handing it to the socket until the whole
 * HTTP response has arrived, which is the ack as Slack sees it (over loopback, no network).
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

/** Sends every spec with `concurrency` requests in flight; bodies are built and signed beforehand. */
async function sendAll(m: Extract<ToSlack, { type: 'send' }>): Promise<FromSlack> {
  const ts = Math.floor(Date.now() / 1000);
  const bodies = m.specs.map((s) => {
    const body = signedBody(s);
    return { body, signature: slackSignature(m.secret, ts, body) };
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: m.concurrency });
  const latencies: number[] = new Array<number>(bodies.length);
  const statuses: Record<string, number> = {};
  const nonEmptyBodies: string[] = [];
  const post = (i: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const { body, signature } = bodies[i]!;
      const t0 = performance.now();
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
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies[i] = performance.now() - t0;
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          const text = Buffer.concat(chunks).toString('utf8');
          if (text && nonEmptyBodies.length < 5) nonEmptyBodies.push(text.slice(0, 300));
          resolve();
        });
      });
      req.end(body);
    });
  let next = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(m.concurrency, bodies.length) }, async () => {
      while (next < bodies.length) await post(next++);
    }),
  );
  const wallMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  agent.destroy();
  const payloadBytes = Math.round(bodies.reduce((s, b) => s + b.body.length, 0) / bodies.length);
  return { type: 'sent', latencies, statuses, nonEmptyBodies, wallMs, cpuMs: (user + system) / 1000, payloadBytes };
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
