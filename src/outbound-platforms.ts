import type { Config } from './config/config.js';
import type { PlatformName } from './domain/model/delivery.js';
import type { ChatPlatform } from './ports/chat.js';
import { createLarkOutbound } from './adapters/lark/outbound.js';
import { pngChartRenderer } from './adapters/render/png.js';
import { createSlackOutbound } from './adapters/slack/outbound.js';
import type { Logger } from './ports/logger.js';

/** The outgoing side of every configured platform, for the scheduled jobs' dispatcher (charts rendered to PNG with resvg). */
export function outboundPlatforms(config: Config, logger: Logger): Map<PlatformName, ChatPlatform> {
  const out = new Map<PlatformName, ChatPlatform>();
  if (config.slack) out.set('slack', createSlackOutbound({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, renderChart: pngChartRenderer, logger }));
  if (config.lark) out.set('lark', createLarkOutbound({ appId: config.lark.appId, appSecret: config.lark.appSecret, domain: config.lark.domain, logger, renderChart: pngChartRenderer }));
  return out;
}
