import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { AppDeps } from '../../application/deps.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { claimEvent, finishEvent, releaseEvent } from '../../application/event-claims.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Logger } from '../../ports/logger.js';
import type { RequestListener } from '../http/server.js';
import { SlackActors } from './actors.js';
import type { SlackContext } from './context.js';
import { SLACK_CALL_TIMEOUT_MS } from './outbound.js';
import { registerButtons } from './listeners/buttons.js';
import { registerCommands } from './listeners/commands.js';
import { registerFileImport } from './listeners/file-import.js';
import { registerHome } from './listeners/home.js';
import { registerOptions } from './listeners/options.js';
import { registerSubmissions } from './listeners/submissions.js';
import { slackPrecheck } from './http/precheck.js';
import { ackUnhandled } from './http/ack-unhandled.js';
import { EdgeReceiver } from './http/edge-receiver.js';
import { workspaceCheck } from './workspace-check.js';

export interface SlackOptions {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (no public URL needed). */
  appToken?: string | undefined;
  /** Web API base URL, e.g. a loopback fake in tests or an API proxy. */
  apiUrl?: string | undefined;
  defaultLocale: Locale;
  /** Wait for listeners before answering HTTP (tests, serverless). Default false: ack first. */
  processBeforeResponse?: boolean;
  /** Web API retries; Slack's default is 10 over ~30 minutes. */
  retries?: number;
  /** Told each slash command and form submission handled (metrics). */
  onCommand?: (command: string) => void;
  /** Deadline of each Web API call (ms). */
  timeoutMs?: number;
  /** SLACK_TEAM_ID: the only workspaces (or Grid orgs) served; absent or empty: any workspace. */
  teamIds?: readonly string[] | undefined;
  /** Told when an answer put messages in the outbox (an intel post): the dispatcher sends them now. */
  onQueued?: () => void;
}

export interface SlackAdapter {
  app: App;
  /** The HTTP listener to mount at `/slack/events` (HTTP mode only). */
  listener: RequestListener | undefined;
  /**
   * Checks the bot token with Slack (auth.test) and connects Socket Mode. Must complete before the
   * HTTP listener serves requests. A refused token or an unreachable Slack stops start-up with a
   * clear message instead of a crash later.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Started, and (Socket Mode) connected: for /readyz. */
  ready(): boolean;
  /** Resolves when the background profile refreshes started so far are done. */
  idle(): Promise<void>;
}

/** Bolt's logger, fed into ours. */
function boltLogger(logger: Logger) {
  const log = logger.child({ component: 'bolt' });
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/**
 * The Slack app: Bolt with its listeners registered, thin (payload → conversation → Block Kit). HTTP mode
 * hands back a request listener to mount on the shared server; Socket Mode connects on start().
 */
export function createSlackAdapter(deps: AppDeps, options: SlackOptions): SlackAdapter {
  const logger = deps.logger.child({ platform: 'slack' });
  // HTTP: the edge (http/precheck.ts) reads, verifies and parses each request once and hands it to Bolt.
  const receiver = options.appToken
    ? new SocketModeReceiver({ appToken: options.appToken, logger: boltLogger(logger) })
    : new EdgeReceiver({ processBeforeResponse: options.processBeforeResponse ?? false, logger });
  const app = new App({
    token: options.botToken,
    receiver,
    logger: boltLogger(logger),
    // No listener keeps per-conversation state in Bolt; its default in-memory store ran on every request.
    convoStore: false,
    // auth.test runs in start(), where its failure becomes a clear start-up error.
    deferInitialization: true,
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
      // Without a deadline (the client's default is none) one hung call waits for the OS, minutes.
      timeout: options.timeoutMs ?? SLACK_CALL_TIMEOUT_MS,
    },
  });
  const actors = new SlackActors(deps, app.client, options.defaultLocale);
  const ctx: SlackContext = { deps, logger, defaultLocale: options.defaultLocale, client: app.client, actors, onQueued: options.onQueued };

  let started = false;
  let connected = !(receiver instanceof SocketModeReceiver);
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (connected = true));
    receiver.client.on('reconnecting', () => (connected = false));
    receiver.client.on('disconnected', () => (connected = false));
  }
  app.use(ackUnhandled(logger));
  if (options.teamIds?.length) app.use(workspaceCheck(options.teamIds, logger));
  if (options.onCommand) {
    const onCommand = options.onCommand;
    app.use(async ({ body, next }) => {
      const b = body as { command?: string; type?: string; view?: { callback_id?: string } };
      if (b.command) onCommand(b.command);
      // A form by its id, an edit by its kind: never the entry's id, a label per entry would grow without bound.
      else if (b.type === 'view_submission') onCommand(`submit:${(b.view?.callback_id ?? '').replace(/^form:/, '').replace(/^(edit:[^:]+):.*$/s, '$1')}`);
      await next();
    });
  }
  // Slack redelivers events after a timeout (X-Slack-Retry-Num): handle each event_id once. The id
  // is claimed before handling and marked done after (application/event-claims.ts), so a crash
  // mid-handling leaves the redelivery to be handled while a concurrent duplicate is dropped.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (!eventId) return next();
    const id = `slack:${eventId}`;
    if (!(await claimEvent(deps, id))) return logger.debug({ eventId }, 'duplicate event skipped');
    try {
      await next();
    } catch (e) {
      await releaseEvent(deps, id).catch(() => undefined);
      throw e;
    }
    await finishEvent(deps, id);
  });
  // The conversation's three ways in (commands, buttons, forms), and what only Slack has.
  registerCommands(app, ctx);
  registerButtons(app, ctx);
  registerSubmissions(app, ctx);
  registerHome(app, ctx);
  registerOptions(app, ctx);
  registerFileImport(app, ctx);
  app.error(async (e) => {
    logger.error({ err: e }, 'unhandled Slack listener error');
  });

  return {
    app,
    listener: receiver instanceof EdgeReceiver ? slackPrecheck((body, req, res) => receiver.dispatch(body, req, res), { signingSecret: options.signingSecret }, logger) : undefined,
    start: async () => {
      try {
        await app.init();
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error;
        throw code
          ? new AppError('CONFIG', `SLACK_BOT_TOKEN: Slack refused it (${code}). Fix: copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page, and reinstall the app if you changed its scopes`, { cause: e })
          : new AppError('UNAVAILABLE', `Slack could not be reached to check the bot token (${(e as Error).message}). Check the network${options.apiUrl ? ` and SLACK_API_URL (${options.apiUrl})` : ''}`, { cause: e });
      }
      if (receiver instanceof SocketModeReceiver) await app.start();
      if (!options.teamIds?.length) logger.warn('SLACK_TEAM_ID is not set: requests from any Slack workspace are accepted. Set it to your workspace id (T…) to refuse others');
      started = true;
    },
    stop: async () => {
      started = false;
      if (receiver instanceof SocketModeReceiver) await app.stop();
      await actors.idle();
    },
    ready: () => started && connected,
    idle: () => actors.idle(),
  };
}
