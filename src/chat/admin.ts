import type { AppDeps } from '../application/deps.js';
import { requireRole } from '../application/guards.js';
import { importCsv } from '../application/people/import-csv.js';
import { assignTeam } from '../application/people/admin.js';
import { changeRoles, parseRoleChanges } from '../application/people/change-roles.js';
import { linkIdentity } from '../application/people/link-identity.js';
import { setChannel, setCyclePolicy, setRankingPrivacy } from '../application/settings.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import { currentTemplate, importTemplate, setCoverage, setTiers } from '../application/template-admin.js';
import { issueText } from '../views/errors.js';
import { renderText } from '../views/render-text.js';
import { purposeLabel, roleList } from '../views/labels.js';
import { templateView } from '../views/template-view.js';
import { t } from '../views/i18n.js';
import { jsonCodec, oncePerRequest } from './once.js';

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

const needUser = () => new AppError('VALIDATION', 'mention a user', { params: { messageId: 'admin.needUser' } });

/** Every admin command runs once per platform request: a replay gets the first answer and changes nothing. */
export async function adminAnswer(deps: AppDeps, actor: Person, req: AdminRequest): Promise<string> {
  // Refuse non-admins before touching anyone else's profile (HR may set ranking privacy).
  requireRole(actor, ['admin', 'hr'], 'administer the appraisal bot');
  return oncePerRequest(deps, req.requestId, () => adminWork(deps, actor, req), jsonCodec<string>());
}

async function adminWork(deps: AppDeps, actor: Person, req: AdminRequest): Promise<string> {
  const locale = actor.locale;
  const [sub, ...args] = req.words;
  switch ((sub ?? '').toLowerCase()) {
    case 'role': {
      requireRole(actor, ['admin'], 'grant roles');
      if (!req.users[0]) throw needUser();
      const r = await changeRoles(deps, actor, { personId: req.users[0].id, changes: parseRoleChanges(args) });
      return t(locale, r.changed ? 'admin.roles' : 'admin.roles.same', { name: r.person.name, roles: roleList(locale, r.person.roles) });
    }
    case 'team': {
      requireRole(actor, ['admin'], 'assign teams');
      if (!req.users[0]) throw needUser();
      // "team @user East China [manager @m]": the team name is every word but the keyword.
      const teamName = args.filter((a) => a.toLowerCase() !== 'manager').join(' ');
      const manager = req.users[1];
      const r = await assignTeam(deps, actor, { personId: req.users[0].id, teamName, ...(manager ? { managerId: manager.id } : {}) });
      return t(locale, 'admin.team', { name: r.person.name, team: r.team.name }) + (manager ? t(locale, 'admin.team.manager', { manager: manager.name }) : '');
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
      return t(locale, 'admin.ranking', { mode: p.mode === 'top_n' ? `top ${p.topN}` : p.mode });
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
    case 'link': {
      requireRole(actor, ['admin'], 'link identities');
      // "link @user <identity>", or "link <identity of someone known> <identity>" where mentioning is not possible.
      const ids = args.filter((a) => a.includes(':'));
      const subject = req.users[0] ?? (ids.length >= 2 ? await deps.store.personByIdentity(ids[0]!) : undefined);
      if (!subject) throw needUser();
      const identity = (req.users[0] ? ids[0] : ids[1]) ?? args[0] ?? '';
      const r = await linkIdentity(deps, actor, { personId: subject.id, identity });
      if (!r.changed) return t(locale, 'admin.link.same', { identity: r.identity, name: r.person.name });
      return t(locale, 'admin.link', { identity: r.identity, name: r.person.name }) + (r.merged ? t(locale, 'admin.link.merged', { other: r.merged.name }) : '');
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
