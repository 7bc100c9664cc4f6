import type { AppDeps } from '../application/deps.js';
import { requireRole } from '../application/guards.js';
import { importCsv } from '../application/people/import-csv.js';
import { setChannel, setCyclePolicy, setRankingPrivacy } from '../application/settings.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import type { View } from '../views/view.js';
import { currentTemplate, importTemplate, setCoverage, setTiers } from '../application/template-admin.js';
import { issueText } from '../views/errors.js';
import { renderText } from '../views/render-text.js';
import { purposeLabel } from '../views/labels.js';
import { templateView } from '../views/template-view.js';
import { t } from '../views/i18n.js';
import { privilegedAnswer, splitConfirm } from './admin-confirm.js';
import { jsonCodec, oncePerRequest } from './once.js';
import { textView } from './port.js';

/**
 * `/appraisal-admin <subcommand> …`, shared by every platform. The platform parses its own
 * mentions: `users` are the mentioned people (resolved and registered), `channel` the mentioned
 * channel as a platform ref (`slack:C0123`, `lark:oc_abc`), `channelLabel` how to show it.
 */
export interface AdminRequest {
  /** The words after the command, mentions removed, on the first line. */
  words: string[];
  users: Person[];
  channel?: { ref: string; label: string };
  /** Lines after the first (a pasted CSV), or the content of an uploaded file. */
  csv?: string;
  /** The platform's id of this request (Slack's trigger_id): a replay gets the first answer. */
  requestId?: string;
}

/** Subcommands that take mentioned people: a platform resolves (and so registers) mentions only for these. */
export const mentionsUsers = (words: readonly string[]): boolean => ['role', 'team', 'link'].includes((words[0] ?? '').toLowerCase());

/** Every admin command runs once per platform request: a replay gets the first answer and changes nothing. */
export async function adminAnswer(deps: AppDeps, actor: Person, req: AdminRequest): Promise<View> {
  // Refuse non-admins before touching anyone else's profile (HR may set ranking privacy).
  requireRole(actor, ['admin', 'hr'], 'administer the appraisal bot');
  return oncePerRequest(deps, req.requestId, () => adminWork(deps, actor, req), jsonCodec<View>());
}

async function adminWork(deps: AppDeps, actor: Person, req: AdminRequest): Promise<View> {
  const answer = await subcommand(deps, actor, req);
  return typeof answer === 'string' ? textView(answer) : answer;
}

async function subcommand(deps: AppDeps, actor: Person, req: AdminRequest): Promise<string | View> {
  const locale = actor.locale;
  const [first, ...args] = req.words;
  const sub = (first ?? '').toLowerCase();
  switch (sub) {
    // Changes that name a person ask first, naming them exactly (chat/admin-confirm.ts).
    case 'role':
    case 'team':
    case 'link': {
      const { args: rest, confirmed } = splitConfirm(args);
      return privilegedAnswer(deps, actor, { sub, args: rest, users: req.users }, confirmed);
    }
    case 'channel': {
      if (!req.channel) throw new AppError('VALIDATION', 'mention a channel', { params: { messageId: 'admin.needChannel' } });
      const purpose = (args[0] ?? '').toLowerCase();
      await setChannel(deps, actor, { purpose, channel: req.channel.ref });
      return t(locale, 'admin.channel', { purpose: purposeLabel(locale, purpose), channel: req.channel.label });
    }
    case 'ranking': {
      const topN = args[1] ? Number(args[1]) : undefined;
      const p = await setRankingPrivacy(deps, actor, { mode: (args[0] ?? '').toLowerCase(), ...(topN !== undefined ? { topN } : {}) });
      return t(locale, 'admin.ranking', { mode: t(locale, `admin.ranking.mode.${p.mode}`, { n: p.topN }) });
    }
    case 'policy': {
      const p = await setCyclePolicy(deps, actor, { key: args[0] ?? '', args: args.slice(1) });
      const guideline = Object.entries(p.guideline).map(([g, max]) => `${g} ≤ ${max}%`).join(', ') || '—';
      return t(locale, 'admin.policy', {
        bonus: p.baseBonus === null ? '—' : `${p.baseBonus} ${deps.settings.baseCurrency}`,
        days: p.appealWindowDays,
        guideline,
        top: p.topPerformers,
        floor: p.peerReviewFloor,
        leave: p.leaveProrationDays,
        comparisonFloor: p.teamComparisonFloor,
        optOut: t(locale, p.rankingOptOut ? 'admin.optOut.allowed' : 'admin.optOut.forbidden'),
        maxAdjust: p.maxAdjustment,
      });
    }
    case 'template':
      return templateAnswer(deps, actor, args, req.csv);
    case 'import': {
      const kind = (args[0] ?? '').toLowerCase();
      const csv = req.csv?.trim();
      if (!['people', 'accounts', 'targets'].includes(kind) || !csv) return t(locale, 'admin.import.noCsv');
      const report = await importCsv(deps, actor, { kind: kind as 'people' | 'accounts' | 'targets', csv, dryRun: args[1]?.toLowerCase() === 'dry-run' });
      if (report.errors.length > 0) {
        const lines = report.errors.map((e) => `• ${e.line}${e.column ? ` (${e.column})` : ''}: ${issueText(locale, e.message)}`);
        return [t(locale, 'admin.import.errors'), ...lines, ...(report.moreErrors > 0 ? [t(locale, 'admin.import.more', { n: report.moreErrors })] : [])].join('\n');
      }
      return t(locale, report.dryRun ? 'admin.import.dryRun' : 'admin.import.done', { kind, created: report.created, updated: report.updated, unchanged: report.unchanged });
    }
    default:
      return t(locale, 'admin.usage');
  }
}

/** `/appraisal-admin template [tiers … | coverage <w>|off | export | import]` (HR, administrators). */
async function templateAnswer(deps: AppDeps, actor: Person, args: string[], json: string | undefined): Promise<string> {
  const [sub = '', ...rest] = args;
  const saved = (v: { version: number }) => t(actor.locale, 'template.saved', { version: v.version });
  switch (sub.toLowerCase()) {
    case 'tiers':
      return saved(await setTiers(deps, actor, rest));
    case 'coverage':
      return saved(await setCoverage(deps, actor, rest[0] ?? ''));
    case 'import':
      return saved(await importTemplate(deps, actor, json ?? ''));
    case 'export': {
      const { id: _id, key: _key, version: _version, createdAt: _at, createdBy: _by, ...editable } = await currentTemplate(deps, actor);
      return `\`\`\`\n${JSON.stringify(editable, null, 2)}\n\`\`\``;
    }
    default:
      // A code block keeps the tables' columns aligned in chat.
      return `\`\`\`\n${renderText(templateView(actor.locale, await currentTemplate(deps, actor)))}\n\`\`\``;
  }
}
