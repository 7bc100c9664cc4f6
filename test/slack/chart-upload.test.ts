import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTrendChart } from '../../src/adapters/render/png.js';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import type { ChatPlatform } from '../../src/ports/chat.js';
import { TREND_CHART_SIZE } from '../../src/views/trend-chart.js';
import { chartSpec, pngHeader } from '../helpers/chart.js';
import { FakeSlack } from './fake-slack.js';

let fake: FakeSlack;
let slack: ChatPlatform;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl, renderChart: renderTrendChart });
});
afterEach(() => fake.stop());

const opts = { idempotencyKey: 'monthly-scorecard:2026-12:slack:UANN', recovered: false };
const message = { text: 'Your monthly scorecard for 2026-Q4 so far.', view: { title: 'T', blocks: [{ type: 'text' as const, text: 'December' }] }, chart: chartSpec('zh-CN') };

describe('Slack outbound: the scorecard’s trend chart (files.uploadV2)', () => {
  it('posts the scorecard, then uploads the chart PNG in three steps into the same DM', async () => {
    const sent = await slack.send({ kind: 'dm', identity: 'slack:UANN' }, message, opts);
    expect(fake.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(sent.messageId).toMatch(/^1700000000\.\d+$/);

    const [ask] = fake.callsTo('files.getUploadURLExternal');
    const [upload] = fake.uploads;
    expect(ask!.params).toMatchObject({ filename: 'trend-chart.png', length: String(upload!.bytes) });
    expect(pngHeader(upload!.data)).toEqual({ signature: true, chunk: 'IHDR', ...TREND_CHART_SIZE });

    const [complete] = fake.callsTo('files.completeUploadExternal');
    expect(complete!.params).toMatchObject({ files: [{ id: upload!.fileId, title: '各季度得分与预测' }], channel_id: 'DUANN', initial_comment: '各季度得分与预测' });
  });

  it('sends no file for a message without a chart, and none without a renderer', async () => {
    await slack.send({ kind: 'dm', identity: 'slack:UANN' }, { text: 'hello' }, opts);
    const bare = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl });
    await bare.send({ kind: 'dm', identity: 'slack:UBOB' }, message, opts);
    expect(fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('keeps the scorecard sent when the upload fails (a retry would post it twice)', async () => {
    fake.failNext('files.completeUploadExternal', 'internal_error');
    await expect(slack.send({ kind: 'dm', identity: 'slack:UANN' }, message, opts)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(fake.succeeded('chat.postMessage')).toHaveLength(1);
  });
});
