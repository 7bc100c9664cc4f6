import { EventDispatcher, LoggerLevel, WSClient } from '@larksuiteoapi/node-sdk';
import type { AppDeps } from '../../application/deps.js';
import { AppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { RequestListener } from '../http/server.js';
import { LarkActors } from './actors.js';
import { Background } from './background.js';
import type { LarkContext } from './context.js';
import { larkReceiver } from './http/receiver.js';
import { onCardAction } from './listeners/card-action.js';
import type { CardActionEvent } from './request.js';
import { onMenu } from './listeners/menu.js';
import { onMessage } from './listeners/message.js';
import { foreignTenantToast, tenantGuard } from './listeners/tenant-guard.js';
import { realPace, type Pace } from './rate-limit.js';
import { checkCredentials } from './start-check.js';
import { larkClient, sdkLogger } from './sdk.js';
import { LarkSender } from './sender.js';

export interface LarkOptions {
  appId: string;
  appSecret: string;
  /** Required for HTTP callbacks; unused over the long connection. */
  verificationToken?: string | undefined;
  encryptKey?: string | undefined;
  connection: 'http' | 'ws';
  /** Open API base URL (https://open.feishu.cn, https://open.larksuite.com, a proxy or a test fake). */
  domain: string;
  defaultLocale: Locale;
  /** Time and waiting for send pacing and rate-limit back-off (tests record the waits). */
  pace?: Pace;
  /** Retries of a send Lark answers with code 99991400. Default 3. */
  retries?: number;
  /** How long a card callback may work before it is answered and finished by a card update. Default 2.5 s. */
  ackDeadlineMs?: number;
  /** Accepted distance of a request's timestamp from now. Default 5 minutes. */
  requestWindowMs?: number;
  /** Told each command and form submission handled (metrics). */
  onCommand?: (command: string) => void;
  /** Told when an answer put messages in the outbox (an intel post): main asks the dispatcher to send them now. */
  onQueued?: () => void;
  /** LARK_TENANT_KEY: the only tenants served; absent or empty: any tenant. */
  tenantKeys?: readonly string[] | undefined;
}

export interface LarkAdapter {
  /** The HTTP listener for `/lark/events` and `/lark/cards` (HTTP mode only). */
  listener: RequestListener | undefined;
  /** The SDK dispatcher every event and callback goes through (HTTP and long connection). */
  dispatcher: EventDispatcher;
  /** Checks the credentials (tenant token, bot info) and connects the long connection. */
  start(): Promise<void>;
  /** Closes the long connection and waits for work in progress. */
  stop(): Promise<void>;
  /** Resolves when the work started by the events received so far is done. */
  idle(): Promise<void>;
  /** Started, and (long connection) connected: for /readyz. */
  ready(): boolean;
}

/**
 * The Lark/Feishu app: the SDK's dispatcher with the handlers registered, thin (event → request.ts
 * → the conversation, chat/router.ts → card). HTTP mode hands back one request listener for both
 * paths; the long connection (WSClient) feeds the same dispatcher.
 */
export function createLarkAdapter(deps: AppDeps, options: LarkOptions): LarkAdapter {
  const logger = deps.logger.child({ platform: 'lark' });
  const client = larkClient({ appId: options.appId, appSecret: options.appSecret, domain: options.domain, logger });
  const background = new Background(logger);
  const ctx: LarkContext = {
    deps,
    logger,
    defaultLocale: options.defaultLocale,
    client,
    actors: new LarkActors(deps, client, options.defaultLocale, logger),
    sender: new LarkSender(client, options.pace ?? realPace, logger, options.retries ?? 3),
    background,
    bot: {},
    ackDeadlineMs: options.ackDeadlineMs ?? 2500,
    ...(options.onCommand ? { onCommand: options.onCommand } : {}),
    ...(options.onQueued ? { onQueued: options.onQueued } : {}),
  };
  let started = false;
  let connected = options.connection !== 'ws';
  const dispatcher = new EventDispatcher({ logger: sdkLogger(logger), loggerLevel: LoggerLevel.warn }).register<{ 'card.action.trigger': (data: CardActionEvent) => Promise<unknown> }>({
    'im.message.receive_v1': tenantGuard(options.tenantKeys, logger, onMessage(ctx), () => undefined),
    'application.bot.menu_v6': tenantGuard(options.tenantKeys, logger, onMenu(ctx), () => undefined),
    'card.action.trigger': tenantGuard(options.tenantKeys, logger, onCardAction(ctx), foreignTenantToast),
  });

  let listener: RequestListener | undefined;
  if (options.connection === 'http') {
    if (!options.encryptKey || !options.verificationToken) {
      throw new AppError('CONFIG', 'LARK_ENCRYPT_KEY and LARK_VERIFICATION_TOKEN are required for HTTP callbacks. Fix: copy them from Events & Callbacks → Encryption Strategy, or set LARK_CONNECTION=ws');
    }
    listener = larkReceiver(dispatcher, { encryptKey: options.encryptKey, verificationToken: options.verificationToken, clock: deps.clock, windowMs: options.requestWindowMs ?? 5 * 60_000 }, logger);
  }
  const ws =
    options.connection === 'ws'
      ? new WSClient({
          appId: options.appId,
          appSecret: options.appSecret,
          domain: options.domain,
          logger: sdkLogger(logger),
          loggerLevel: LoggerLevel.warn,
          onReady: () => {
            connected = true;
            logger.info('Lark long connection ready');
          },
          onReconnecting: () => {
            connected = false;
          },
          onReconnected: () => {
            connected = true;
          },
          onError: (err) => {
            connected = false;
            logger.error({ err }, 'Lark long connection failed; check the app id and secret, and that the console uses the persistent connection');
          },
        })
      : undefined;

  return {
    listener,
    dispatcher,
    start: async () => {
      ctx.bot.openId = await checkCredentials(client, options.domain);
      if (!options.tenantKeys?.length) logger.warn('LARK_TENANT_KEY is not set: events from any Lark/Feishu tenant are accepted. Set it to your tenant_key to refuse others');
      if (ws) await ws.start({ eventDispatcher: dispatcher });
      started = true;
    },
    stop: async () => {
      started = false;
      ws?.close();
      await background.idle();
      await ctx.actors.idle();
    },
    idle: async () => {
      await background.idle();
      await ctx.actors.idle();
    },
    ready: () => started && connected,
  };
}
