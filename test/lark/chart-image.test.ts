import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLarkOutbound } from '../../src/adapters/lark/outbound.js';
import { renderTrendChart } from '../../src/adapters/render/png.js';
import { DeliveryError, type ChatPlatform } from '../../src/ports/chat.js';
import { silentLogger } from '../../src/ports/logger.js';
import { TREND_CHART_SIZE } from '../../src/views/trend-chart.js';
import { chartSpec, pngHeader } from '../helpers/chart.js';
import { assertCard20 } from './card-schema.js';
import { APP_ID, APP_SECRET, FakeLark } from './fake-lark.js';

let fake: FakeLark;
let lark: ChatPlatform;
beforeEach(async () => {
  fake = new FakeLark();
  await fake.start();
  lark = createLarkOutbound({ appId: APP_ID, appSecret: APP_SECRET, domain: fake.url, logger: silentLogger, renderChart: renderTrendChart });
});
afterEach(() => fake.stop());

const opts = { idempotencyKey: 'monthly-scorecard:2026-12:lark:ou_ann1', recovered: false };
const message = { text: 'Your monthly scorecard', view: { title: 'T', blocks: [{ type: 'text' as const, text: 'December' }] }, chart: chartSpec('en') };

describe('Lark outbound: the scorecard’s trend chart (image upload + img element)', () => {
  it('uploads the PNG as a message image, then sends one card showing it', async () => {
    await lark.send({ kind: 'dm', identity: 'lark:ou_ann1' }, message, opts);
    const posts = fake.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/open-apis/im/')).map((c) => c.path);
    expect(posts).toEqual(['/open-apis/im/v1/images', '/open-apis/im/v1/messages']);
    const [image] = fake.images;
    expect(image!.imageType).toBe('message');
    expect(pngHeader(image!.png)).toEqual({ signature: true, chunk: 'IHDR', ...TREND_CHART_SIZE });

    const card = fake.sent[0]!.card as { body: { elements: { tag: string; img_key?: string; alt?: { content: string } }[] } };
    expect(card.body.elements.at(-1)).toMatchObject({ tag: 'img', img_key: image!.imageKey, alt: { content: 'Your score by quarter, with the forecast' } });
    expect(JSON.stringify(card)).toContain('December');
    expect(() => assertCard20(card)).not.toThrow();
  });

  it('sends nothing when the image upload is rate limited, so the retry sends the whole card once', async () => {
    fake.rateLimitNext('image.create', 3);
    const e = await lark.send({ kind: 'dm', identity: 'lark:ou_ann1' }, message, opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e).toMatchObject({ failure: 'rate_limited', retryAfterMs: 3000 });
    expect(fake.sent).toHaveLength(0);
  });
});
