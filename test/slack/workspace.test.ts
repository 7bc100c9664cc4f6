import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/slack-app.js';
import type { Logger } from '../../src/ports/logger.js';
import { testDeps } from '../helpers/temp-store.js';
import { FakeSlack } from './fake-slack.js';
import { buttonClick, SECRET, startHarness, VISIT_VALUES, type Harness } from './harness.js';
import { commandBody, payloadBody, postSigned, viewSubmission } from './signing.js';

let h: Harness;
afterEach(() => h.close());

const REFUSAL_EN = 'This appraisal bot serves only its own company’s Slack workspace';
const REFUSAL_ZH = '此考核机器人只服务于本公司的 Slack 工作区';

/** A slash command as Slack sends it from another workspace (a Slack Connect guest's own team). */
const foreignCommand = (user: string, command: string, team = 'TGUEST') =>
  postSigned(h.url, SECRET, commandBody({ command, user_id: user, response_url: h.fake.responseUrl('foreign') }).replace('team_id=T0FAKE', `team_id=${team}`));

const visitSubmission = (user: string, userTeam: string) => {
  const payload = viewSubmission({ user, form: 'visit', viewId: 'VGUEST', triggerId: 'trigger-guest', privateMetadata: JSON.stringify({ r: h.fake.responseUrl('form-guest') }), values: VISIT_VALUES }) as {
    user: { team_id: string };
  };
  payload.user.team_id = userTeam;
  return postSigned(h.url, SECRET, payloadBody(payload));
};

const peopleCount = () => h.deps.store.people.count();

describe('SLACK_TEAM_ID set: only our workspace gets in', () => {
  it('refuses a slash command from another workspace privately, in both languages, registering nobody', async () => {
    h = await startHarness({ teamIds: ['T0FAKE'] });
    h.fake.addUser({ id: 'UGUEST', name: 'Gus Guest', locale: 'en-US' });
    const before = await peopleCount();
    const res = await foreignCommand('UGUEST', '/ranking');
    expect(res.status).toBe(200);
    const answer = res.json() as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(REFUSAL_EN);
    expect(answer.text).toContain(REFUSAL_ZH);
    expect(await peopleCount()).toBe(before);
    expect(await h.deps.store.personByIdentity('slack:UGUEST')).toBeNull();
    // Nothing was looked up or answered through Slack's API for the stranger.
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(h.fake.responses).toEqual([]);
  });

  it('refuses a Slack Connect guest whose own team differs, even in our workspace: the form stays open, nothing is stored', async () => {
    h = await startHarness({ teamIds: ['T0FAKE'] });
    h.fake.addUser({ id: 'UGUEST', name: 'Gus Guest', locale: 'en-US' });
    const before = await peopleCount();
    const res = await visitSubmission('UGUEST', 'TGUEST');
    const answer = res.json() as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(Object.values(answer.errors)[0]).toContain(REFUSAL_EN);
    expect(await h.deps.store.activities.count()).toBe(0);
    expect(await peopleCount()).toBe(before);
  });

  it('acknowledges and drops a button click and an event from another workspace', async () => {
    h = await startHarness({ teamIds: ['T0FAKE'] });
    const click = buttonClick('UANN', 'home.refresh', 'x', { responseUrl: h.fake.responseUrl('click') }) as { team: { id: string }; user: { team_id: string } };
    click.team.id = 'TGUEST';
    click.user.team_id = 'TGUEST';
    expect((await h.interactive(click)).status).toBe(200);
    const event = JSON.stringify({ token: 'legacy', team_id: 'TGUEST', api_app_id: 'A0APP', type: 'event_callback', event_id: 'EvForeign', event_time: 1, event: { type: 'app_home_opened', user: 'UGUEST', tab: 'home' } });
    expect((await postSigned(h.url, SECRET, event, { contentType: 'application/json' })).status).toBe(200);
    expect(await h.deps.store.processedEvents.count()).toBe(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('serves our own workspace as before, and every workspace of an allowed Enterprise Grid org', async () => {
    h = await startHarness({ teamIds: ['T0FAKE', 'E0ORG'] });
    await h.submit('UANN', 'visit', VISIT_VALUES);
    expect(await h.deps.store.activities.count()).toBe(1);
    const inOrg = commandBody({ command: '/visit', user_id: 'UBOB', response_url: h.fake.responseUrl('org') }).replace('team_id=T0FAKE', 'team_id=T0OTHER&enterprise_id=E0ORG');
    expect((await postSigned(h.url, SECRET, inOrg)).status).toBe(200);
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
  });
});

describe('SLACK_TEAM_ID not set', () => {
  it('accepts any workspace (zero setup) and warns about it at start-up', async () => {
    h = await startHarness();
    const res = await foreignCommand('UANN', '/visit');
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('views.open')).toHaveLength(1);

    const warnings: string[] = [];
    const capture: Logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (o, m) => void warnings.push(typeof o === 'string' ? o : (m ?? '')), child: () => capture };
    const fake = new FakeSlack();
    await fake.start();
    const deps = { ...testDeps(), logger: capture };
    const open = createSlackAdapter(deps, { botToken: 'xoxb-test', signingSecret: 's', apiUrl: fake.apiUrl, defaultLocale: 'en', retries: 0 });
    await open.start();
    const closed = createSlackAdapter(deps, { botToken: 'xoxb-test', signingSecret: 's', apiUrl: fake.apiUrl, defaultLocale: 'en', retries: 0, teamIds: ['T0FAKE'] });
    await closed.start();
    await fake.stop();
    await deps.cleanup();
    expect(warnings.filter((w) => w.includes('SLACK_TEAM_ID'))).toEqual([expect.stringContaining('requests from any Slack workspace are accepted')]);
  });
});
