import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_DECISIONS } from '../../src/chat/admin-confirm.js';
import { CALIBRATION_DECISIONS } from '../../src/chat/calibration.js';
import { COMMANDS, type CommandName } from '../../src/chat/commands.js';
import { INTERVIEW_DECISIONS } from '../../src/chat/interviews.js';
import { LATE_ENTRY_DECISIONS } from '../../src/chat/lifecycle.js';
import { CALIBRATION_SUBCOMMANDS } from '../../src/chat/calibration.js';
import { LIFECYCLE_SUBCOMMANDS } from '../../src/chat/lifecycle.js';
import { REWARD_DECISIONS } from '../../src/chat/rewards.js';
import { LEAVE_DECISIONS } from '../../src/chat/self-and-leave.js';
import { APPEAL_ACCEPT, APPEAL_REJECT } from '../../src/chat/appeal-decision.js';
import { isButtonAction } from '../../src/chat/router.js';
import { CONVERSATION_MODALS } from '../../src/adapters/slack/listeners/submissions.js';
import { HOME_ACTIONS } from '../../src/views/home-view.js';
import { REMINDER_ACTIONS } from '../../src/views/job-views.js';
import { MATRIX, NEWCOMER, type MatrixRow } from './matrix-table.js';
import { ALL } from './matrix-types.js';

/**
 * Every command has an expectation: the commands, subcommands, buttons and forms are read from the
 * code's own tables (and, where a table is private, from its source), and each must have a row in
 * the role matrix (test/security/matrix-table.ts). A command added without a row fails here.
 */

const src = (file: string): string => fs.readFileSync(path.join(import.meta.dirname, '../../src', file), 'utf8');

/** The body of `const <name> … = {` up to its closing `};`. */
function objectBody(source: string, name: string): string {
  const start = source.indexOf(`const ${name}`);
  if (start < 0) throw new Error(`no ${name} in the source`);
  return source.slice(start, source.indexOf('\n};', start));
}

const commandRows = (command: CommandName): MatrixRow[] => MATRIX.filter((r) => r.trigger.type === 'command' && r.trigger.command === command);
const wordsOf = (r: MatrixRow): string[] => {
  if (r.trigger.type !== 'command') return [];
  const t = r.trigger.text;
  const text = typeof t === 'string' ? t : typeof t === 'function' ? t({ planId: 'p', templateJson: '{}' }) : t.slack;
  return text.split('\n')[0]!.split(/\s+/).filter(Boolean);
};
const missing = (wanted: readonly string[], have: readonly string[]) => wanted.filter((w) => !have.includes(w));

describe('the role matrix covers', () => {
  it('every chat command (COMMANDS)', () => {
    expect(missing(Object.keys(COMMANDS), MATRIX.flatMap((r) => (r.trigger.type === 'command' ? [r.trigger.command] : [])))).toEqual([]);
  });

  it('every /appraisal-admin subcommand, and every template subcommand', () => {
    const admin = src('chat/admin.ts');
    const main = admin.slice(admin.indexOf('export async function adminAnswer'), admin.indexOf('async function templateAnswer'));
    const template = admin.slice(admin.indexOf('async function templateAnswer'));
    const subs = [...main.matchAll(/case '([\w-]+)':/g)].map((m) => m[1]!);
    const templateSubs = [...template.matchAll(/case '([\w-]+)':/g)].map((m) => m[1]!);
    expect(subs.length).toBeGreaterThan(5);
    const rows = commandRows('appraisal-admin').map(wordsOf);
    expect(missing(subs, rows.map((w) => w[0] ?? ''))).toEqual([]);
    expect(missing(templateSubs, rows.filter((w) => w[0] === 'template').map((w) => w[1] ?? ''))).toEqual([]);
  });

  it('every /cycle subcommand', () => {
    const core = [...objectBody(src('chat/cycle.ts'), 'CORE_SUBCOMMANDS').matchAll(/^ {2}(\w+): async/gm)].map((m) => m[1]!);
    const subs = [...core, ...Object.keys(CALIBRATION_SUBCOMMANDS), ...Object.keys(LIFECYCLE_SUBCOMMANDS)];
    expect(core.length).toBeGreaterThan(2);
    expect(missing(subs, commandRows('cycle').map((r) => wordsOf(r)[0] ?? ''))).toEqual([]);
  });

  it('every decision button (decide:…), from every table the decisions are made of', () => {
    // A decision table added to the router's DECISIONS must be imported here too.
    const parts = /const DECISIONS[^=]*= \{([^}]*)\}/.exec(src('chat/router.ts'))![1]!.match(/\.\.\.(\w+)/g)!.map((p) => p.slice(3));
    expect(parts.sort()).toEqual(['ADMIN_DECISIONS', 'CALIBRATION_DECISIONS', 'INTERVIEW_DECISIONS', 'LATE_ENTRY_DECISIONS', 'LEAVE_DECISIONS', 'REWARD_DECISIONS']);
    const ids = Object.keys({ ...ADMIN_DECISIONS, ...CALIBRATION_DECISIONS, ...LATE_ENTRY_DECISIONS, ...REWARD_DECISIONS, ...INTERVIEW_DECISIONS, ...LEAVE_DECISIONS });
    expect(ids.length).toBeGreaterThan(4);
    expect(missing(ids, buttonIds())).toEqual([]);
  });

  it('every other button the router knows, and the Slack listeners route every button to it', () => {
    const dir = path.join(import.meta.dirname, '../../src/adapters/slack/listeners');
    const registered = fs
      .readdirSync(dir)
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/app\.action(?:<.*?>)?\(\s*([^,]+),/g)].map((m) => m[1]!.trim()));
    // One listener for every block action, handing the buttons the router knows (isButtonAction) to
    // the conversation; a new registration must be added here and get its rows.
    expect(registered).toEqual(["{ type: 'block_actions' }"]);
    // The router's own table of the buttons that are not decisions: each must have rows.
    const tables: Record<string, Record<string, string>> = { HOME_ACTIONS, REMINDER_ACTIONS };
    const single: Record<string, string> = { APPEAL_ACCEPT, APPEAL_REJECT };
    const ids = [...objectBody(src('chat/router.ts'), 'BUTTONS').matchAll(/^ {2}\[(\w+)(?:\.(\w+))?\]:/gm)].map((m) =>
      m[2] ? (tables[m[1]!]?.[m[2]] ?? `unknown ${m[1]}.${m[2]}`) : (single[m[1]!] ?? `unknown ${m[1]}`),
    );
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.filter((id) => !isButtonAction(id))).toEqual([]);
    expect(missing(ids, buttonIds())).toEqual([]);
    expect(missing([...Object.values(HOME_ACTIONS), ...Object.values(REMINDER_ACTIONS)], buttonIds())).toEqual([]);
  });

  it('every Slack modal the listeners register', () => {
    const dir = path.join(import.meta.dirname, '../../src/adapters/slack/listeners');
    const registered = fs.readdirSync(dir).flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/app\.view(?:<.*?>)?\(\s*([^,]+),/g)].map((m) => m[1]!.trim()));
    // One listener for the conversation's modals: the entry forms (form:<id>, below) and the edit modal (edit:<kind>:<id>); a new one must be added here and get its rows.
    expect(registered).toEqual(['CONVERSATION_MODALS']);
    expect(['form:visit', 'edit:visit:a1'].map((id) => CONVERSATION_MODALS.test(id))).toEqual([true, true]);
    expect(MATRIX.some((r) => r.trigger.type === 'submit' && r.trigger.slackEdit?.startsWith('edit:'))).toBe(true);
  });

  it('every form', () => {
    const union = /export type FormId =([^;]+);/.exec(src('views/forms/form.ts'))![1]!;
    const forms = [...union.matchAll(/'([\w-]+)'/g)].map((m) => m[1]!);
    expect(forms.length).toBeGreaterThan(5);
    expect(missing(forms, MATRIX.flatMap((r) => (r.trigger.type === 'submit' ? [r.trigger.form] : [])))).toEqual([]);
  });

  it('every role in every row is either allowed or told a refusal', () => {
    const noRefusal = MATRIX.filter((r) => (r.allowed.length < ALL.length || NEWCOMER[r.name] === 'refused') && !r.refusal).map((r) => r.name);
    expect(noRefusal).toEqual([]);
  });

  it("the never-enrolled user's expectation for every row, and for no row that is gone", () => {
    const names = MATRIX.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(missing(names, Object.keys(NEWCOMER))).toEqual([]);
    expect(missing(Object.keys(NEWCOMER), names)).toEqual([]);
  });
});

function buttonIds(): string[] {
  return MATRIX.flatMap((r) => (r.trigger.type === 'button' ? [r.trigger.actionId] : []));
}
