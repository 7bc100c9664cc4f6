import type http from 'node:http';
import type { Store } from '../../src/ports/store.js';
import { createHttpServer, close, listen } from '../../src/adapters/http/server.js';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-app.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { silentLogger } from '../../src/ports/logger.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { FakeSlack } from './fake-slack.js';
import { commandBody, payloadBody, postSigned, viewSubmission, type FieldValue, type SignedPost } from './signing.js';

export { stateValues, type FieldValue } from './signing.js';

export const SECRET = 'test-signing-secret';

/** Slack users of the test workspace and the people they are (smallOrg ids). */
export const USERS = {
  UANN: { person: 'ann', name: 'Ann Lee', locale: 'en-US' },
  UBOB: { person: 'bob', name: 'Bob Wu', locale: 'zh-CN' },
  UCAT: { person: 'cat', name: 'Cat Xu', locale: 'en-US' },
  UMGR: { person: 'mgr', name: 'Mia Manager', locale: 'en-US' },
  UHR: { person: 'hr', name: 'Hana HR', locale: 'en-US' },
} as const;
export const ADMIN = 'UADMIN';

export interface Harness {
  fake: FakeSlack;
  deps: ReturnType<typeof testDeps>;
  url: string;
  command(user: string, command: string, text?: string, opts?: { responseId?: string }): Promise<SignedPost>;
  submit(user: string, form: string, values: Record<string, FieldValue | undefined>, opts?: { viewId?: string; meta?: object }): Promise<SignedPost>;
  interactive(payload: unknown): Promise<SignedPost>;
  event(event: object, eventId: string, headers?: Record<string, string>): Promise<SignedPost>;
  /** Waits for the background work requests started (profile refreshes). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

let seq = 0;

/** `wrapStore` puts a wrapper (a deadline, a FlakyStore) between the Slack app and the seeded store. */
export async function startHarness(opts: { processBeforeResponse?: boolean; wrapStore?: (store: Store) => Store; onCommand?: (command: string) => void; teamIds?: string[] } = {}): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  for (const [id, u] of Object.entries(USERS)) fake.addUser({ id, name: u.name, locale: u.locale, tz: 'Asia/Shanghai' });
  fake.addUser({ id: ADMIN, name: 'Ada Admin', locale: 'en-US' });
  const deps = testDeps('2026-11-26T02:00:00Z');
  deps.settings.admins = [`slack:${ADMIN}`];
  deps.settings.fxRates = { CNY: 1, USD: 7.1 };
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, u] of Object.entries(USERS)) {
    const p = (await deps.store.people.get(u.person))!;
    await deps.store.people.put({ ...p, identities: [`slack:${id}`] });
  }
  // What an answer queues (an intel post) goes out through the Slack outbound platform, as the
  // scheduler's dispatcher sends it in production.
  const outbound = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl });
  const dispatches = new Set<Promise<unknown>>();
  const onQueued = (): void => {
    const p = dispatchDue(deps, new Map([['slack', outbound]]), { owner: 'harness', sleep: async () => {} }).finally(() => dispatches.delete(p));
    dispatches.add(p);
  };
  const adapter = createSlackAdapter(opts.wrapStore ? { ...deps, store: opts.wrapStore(deps.store) } : deps, {
    botToken: 'xoxb-test-token',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    defaultLocale: 'en',
    processBeforeResponse: opts.processBeforeResponse ?? true,
    // One retry, so a 429 is retried after its Retry-After; a dead fake cannot stall a test.
    retries: 1,
    onQueued,
    ...(opts.onCommand ? { onCommand: opts.onCommand } : {}),
    ...(opts.teamIds ? { teamIds: opts.teamIds } : {}),
  });
  await adapter.start();
  const server: http.Server = createHttpServer(new Map([['/slack/events', adapter.listener!]]), silentLogger);
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake,
    deps,
    url,
    command: (user, command, text = '', o = {}) =>
      postSigned(url, SECRET, commandBody({ command, text, user_id: user, response_url: fake.responseUrl(o.responseId ?? `${command.slice(1)}-${++seq}`) })),
    submit: (user, form, values, o = {}) =>
      postSigned(
        url,
        SECRET,
        payloadBody(
          viewSubmission({
            user,
            form,
            triggerId: `trigger-${++seq}`,
            viewId: o.viewId ?? `V${++seq}`,
            privateMetadata: JSON.stringify(o.meta ?? { r: fake.responseUrl(`form-${seq}`), c: 'C0SALES' }),
            values,
          }),
        ),
      ),
    interactive: (payload) => postSigned(url, SECRET, payloadBody(payload)),
    event: (event, eventId, headers = {}) =>
      postSigned(url, SECRET, JSON.stringify({ token: 'legacy', team_id: 'T0FAKE', api_app_id: 'A0APP', type: 'event_callback', event_id: eventId, event_time: 1_764_000_000, event }), {
        contentType: 'application/json',
        headers,
      }),
    idle: async () => {
      await adapter.idle();
      await Promise.allSettled([...dispatches]);
    },
    close: async () => {
      await close(server);
      await adapter.idle();
      await Promise.allSettled([...dispatches]);
      await fake.stop();
      await deps.cleanup();
    },
  };
}

/** A complete, valid /visit modal submission (Acme, 2026-11-25); tests override fields from here. */
export const VISIT_VALUES = {
  account: { option: 'acme' },
  newAccountName: undefined,
  newAccountTier: { option: 'B' },
  date: { date: '2026-11-25' },
  mode: { option: 'in_person' },
  contacts: { text: 'Li Wei (CTO)' },
  purpose: { text: 'Quarterly review' },
  outcome: { text: 'Pilot agreed' },
  nextStep: { text: 'Send proposal' },
  nextStepDate: { date: '2026-12-01' },
} as const;

let clicks = 0;

/**
 * A `block_actions` payload for a button click as Slack sends it: on a message the bot posted in a
 * DM (`{ dm }`: the answer replaces it with chat.update) or on a command's private answer
 * (`{ responseUrl }`: the answer replaces it through the response_url).
 */
export function buttonClick(user: string, actionId: string, value: string, where: { dm: string; ts?: string } | { responseUrl: string }): object {
  const place =
    'dm' in where
      ? { container: { type: 'message', channel_id: where.dm, message_ts: where.ts ?? '30.1' }, channel: { id: where.dm }, message: { ts: where.ts ?? '30.1', text: '' } }
      : { container: { type: 'message', is_ephemeral: true, channel_id: 'C0SALES' }, channel: { id: 'C0SALES' }, response_url: where.responseUrl };
  return {
    type: 'block_actions', team: { id: 'T0FAKE', domain: 'fake' }, user: { id: user, username: user, team_id: 'T0FAKE' }, api_app_id: 'A0APP', token: 'legacy',
    trigger_id: `click-${++clicks}`, ...place, actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2' }],
  };
}
