import type { App } from '@slack/bolt';
import { assignTeam, grantRole } from '../../../application/people/admin.js';
import { importCsv } from '../../../application/people/import-csv.js';
import { setChannel, setRankingPrivacy } from '../../../application/settings.js';
import { AppError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/model/fields.js';
import type { Person } from '../../../domain/model/people.js';
import { issueText } from '../../../views/errors.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { parseCommandText } from '../parse-text.js';
import { ephemeralCommand } from './ephemeral-command.js';
import { requireRole } from '../../../application/guards.js';

const needUser = () => new AppError('VALIDATION', 'mention a user', { params: { messageId: 'admin.needUser' } });

/** `/appraisal-admin <subcommand> …`: each subcommand turned into one admin use case call. */
async function runAdmin(ctx: SlackContext, actor: Person, text: string): Promise<string> {
  const locale: Locale = actor.locale;
  const [firstLine = '', ...moreLines] = text.split('\n');
  const parsed = parseCommandText(firstLine);
  const [sub, ...args] = parsed.rest.split(/\s+/).filter(Boolean);
  switch ((sub ?? '').toLowerCase()) {
    case 'role': {
      if (!parsed.users[0]) throw needUser();
      requireRole(actor, ['admin'], 'grant roles');
      const subject = await ctx.actors.resolve(parsed.users[0]);
      const updated = await grantRole(ctx.deps, actor, { personId: subject.id, role: (args[0] ?? '').toLowerCase() });
      return t(locale, 'admin.role', { name: updated.name, roles: updated.roles.join(', ') });
    }
    case 'team': {
      if (!parsed.users[0]) throw needUser();
      requireRole(actor, ['admin'], 'assign teams');
      // "team @user East China [manager @m]": the team name is everything except the keyword.
      const teamName = args.filter((a) => a.toLowerCase() !== 'manager').join(' ');
      const subject = await ctx.actors.resolve(parsed.users[0]);
      const manager = parsed.users[1] ? await ctx.actors.resolve(parsed.users[1]) : undefined;
      const r = await assignTeam(ctx.deps, actor, { personId: subject.id, teamName, ...(manager ? { managerId: manager.id } : {}) });
      return t(locale, 'admin.team', { name: r.person.name, team: r.team.name }) + (manager ? t(locale, 'admin.team.manager', { manager: manager.name }) : '');
    }
    case 'channel': {
      const channel = parsed.channels[0];
      if (!channel) throw new AppError('VALIDATION', 'mention a channel', { params: { messageId: 'admin.needChannel' } });
      await setChannel(ctx.deps, actor, { purpose: (args[0] ?? '').toLowerCase(), channel: `slack:${channel}` });
      return t(locale, 'admin.channel', { purpose: args[0]!.toLowerCase(), channel: `<#${channel}>` });
    }
    case 'ranking': {
      const topN = args[1] ? Number(args[1]) : undefined;
      const p = await setRankingPrivacy(ctx.deps, actor, { mode: (args[0] ?? '').toLowerCase(), ...(topN !== undefined ? { topN } : {}) });
      return t(locale, 'admin.ranking', { mode: p.mode === 'top_n' ? `top ${p.topN}` : p.mode });
    }
    case 'import': {
      const kind = (args[0] ?? '').toLowerCase();
      const csv = moreLines.join('\n').trim();
      if (!['people', 'accounts', 'targets'].includes(kind) || !csv) return t(locale, 'admin.import.noCsv');
      const report = await importCsv(ctx.deps, actor, { kind: kind as 'people' | 'accounts' | 'targets', csv, dryRun: args[1]?.toLowerCase() === 'dry-run' });
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

export function registerAdminCommand(app: App, ctx: SlackContext): void {
  ephemeralCommand(app, ctx, '/appraisal-admin', async (actor, text) => {
    // Refuse non-admins before touching anyone else's profile (HR may set ranking privacy).
    requireRole(actor, ['admin', 'hr'], 'administer the appraisal bot');
    return { text: await runAdmin(ctx, actor, text) };
  });
}
