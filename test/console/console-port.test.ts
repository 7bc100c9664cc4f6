import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-app.js';
import { movableClock } from '../../src/adapters/console/movable-clock.js';
import { createPrompt } from '../../src/adapters/console/prompt.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { person, smallOrg, T0 } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * The console as a small loop over the conversation port: names that fit several people are
 * refused, quoted names work, buttons are numbered and pressed (/entries → Edit / Delete).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.insertMany([
    person('zj', { name: 'Zhou Jing', teamId: 'east', managerId: 'mgr' }),
    person('zl', { name: 'Zhou Li', roles: ['hr'] }),
    person('boss', { name: 'Demo Admin', roles: ['admin'] }),
  ]);
});
afterEach(() => deps.cleanup());

async function session(lines: string[], as: string, extra: Partial<Parameters<typeof runConsole>[0]> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const prompt = createPrompt(input, output);
  await runConsole({ deps, prompt, offerDemo: false, as, ...extra });
  prompt.close();
  return printed;
}

describe('console names', () => {
  it('refuses a name that fits several people, with the candidates, and changes nobody', async () => {
    const out = await session(['/appraisal-admin role @Zhou admin', '/quit'], 'boss');
    expect(out).toContain('"Zhou" fits several people: Zhou Jing (zj), Zhou Li (zl)');
    expect((await deps.store.people.get('zj'))!.roles).toEqual(['rep']);
    expect((await deps.store.people.get('zl'))!.roles).toEqual(['hr']);
  });

  it('lists the candidates in Chinese with the enumeration comma and full-width brackets', async () => {
    const { matchProblem } = await import('../../src/adapters/console/console-request.js');
    const zhou = [person('zj', { name: 'Zhou Jing' }), person('zl', { name: 'Zhou Li' })];
    expect(matchProblem('zh-CN', 'Zhou', zhou)).toContain('Zhou Jing（zj）、Zhou Li（zl）');
    expect(matchProblem('en', 'Zhou', zhou)).toContain('Zhou Jing (zj), Zhou Li (zl)');
  });

  it('takes a quoted full name and acts on exactly that person, once the question naming them is confirmed with /press', async () => {
    const out = await session(['/appraisal-admin role @"Zhou Li" admin', '/press 1', '/press 1', '/quit'], 'boss');
    // The privileged change first names the exact person, as they are now, and changes nothing.
    expect(out).toContain('Zhou Li · team: none · roles: HR');
    expect(out).toContain('Roles: HR → HR, Admin');
    expect(out).toContain('run: /appraisal-admin role @"Zhou Li" admin confirm');
    // Confirm is button 1; pressed again, the answered question changes nothing more.
    expect(out).toContain('Zhou Li’s roles are now: HR, Admin.');
    expect(out).toContain('The last message has no buttons.');
    expect((await deps.store.people.get('zl'))!.roles).toContain('admin');
    expect((await deps.store.people.get('zj'))!.roles).toEqual(['rep']);
    expect((await deps.store.audit.find({ action: 'role.grant' })).length).toBe(1);
  });

  it('changes roles at once when the command ends with confirm (scripts), and lists people with their role labels', async () => {
    await session(['/appraisal-admin role @"Zhou Li" admin confirm', '/quit'], 'boss');
    expect((await deps.store.people.get('zl'))!.roles).toEqual(['hr', 'admin']);
    const out = await session(['Zhou Li', '/quit'], '');
    expect(out).toContain('Zhou Li (HR, Admin)');
    expect(out).toContain('Demo Admin (Admin)');
    expect(out).not.toContain('(hr');
  });

  it('never matches the middle of a name (@Min is not Demo Admin)', async () => {
    const out = await session(['/scorecard @Min', '/quit'], 'hr');
    expect(out).not.toContain('Scorecard: Demo Admin');
    expect(out).toContain("@Min");
  });

  it('refuses an ambiguous name when choosing who you are, listing the candidates', async () => {
    const out = await session(['zhou li', '/quit'], 'Zhou');
    expect(out).toContain('"Zhou" fits several people');
    expect(out).toContain('You are Zhou Li');
  });
});

describe('console buttons', () => {
  beforeEach(async () => {
    await deps.store.activities.insertMany([
      { id: 'v1', repId: 'ann', accountId: 'acme', kind: 'visit', date: '2026-11-20', mode: 'in_person', contacts: ['Li Wei'], purpose: 'Review', outcome: 'Fine', createdAt: T0 },
    ] as never);
  });

  it('numbers the buttons of /entries and deletes an entry with /press', async () => {
    const out = await session(['/entries', '/press 9', '/press 4', '/quit'], 'ann');
    expect(out).toContain('[1 Log a visit] [2 Log a deal]');
    expect(out).toContain('2026-11-20 · Visit · Acme  [3 Edit] [4 Delete]');
    expect(out).toContain('Type /press <number> to press a button, e.g. /press 1.');
    expect(out).toContain('There is no button 9 on the last message: its buttons are numbered 1 to 4.');
    expect(out).toContain('Entry deleted.');
    expect(await deps.store.activities.count({ repId: 'ann' })).toBe(0);
  });

  it('edits an entry through its Edit button: the form is asked, the change stored', async () => {
    // Every field keeps its value (an empty answer) except the outcome; the account is kept, so a new account's fields are not asked.
    const out = await session(['/entries', '/press 3', '', '', '', '', '', 'Signed the pilot', '', '', '/quit'], 'ann');
    expect(out).toContain('Saved your changes.');
    expect((await deps.store.activities.get('v1'))!.outcome).toBe('Signed the pilot');
  });

  it('says when the last message has no buttons', async () => {
    const out = await session(['/press 1', '/quit'], 'ann');
    expect(out).toContain('The last message has no buttons.');
  });
});

describe('console paste', () => {
  it('takes a pasted block (bracketed paste) as one command with its lines: a CSV import', async () => {
    const out = await session(['\x1b[200~/appraisal-admin import accounts', 'name,tier,owner', 'Tiny Ltd,A,slack:UANN', 'Other Ltd,B,\x1b[201~', '/quit'], 'boss');
    expect(out).not.toContain('Not a command');
    expect((await deps.store.accounts.find()).map((a) => a.name).sort()).toEqual(['Acme', 'Globex', 'Other Ltd', 'Tiny Ltd']);
  });

  it('asks the terminal for bracketed paste only when told to, and turns it off on close', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const input = new PassThrough();
    input.end();
    const { createPrompt: make } = await import('../../src/adapters/console/prompt.js');
    make(input, output, { bracketedPaste: true }).close();
    expect(printed).toBe('\x1b[?2004h\x1b[?2004l');
  });
});

describe('console date', () => {
  it('/date moves the console’s today for the answers after it; a bad date is explained', async () => {
    const clock = movableClock(deps.clock, deps.settings.companyTimeZone);
    const moved = { ...deps, clock };
    const out = await session(['/date 2027-01-04', '/scorecard', '/date next monday', '/quit'], 'ann', { deps: moved, setDate: (d) => clock.moveTo(d) });
    expect(out).toContain('Today is now 2027-01-04 in this console');
    expect(out).toContain('Scorecard: ann, 2027-Q1');
    expect(out).toContain('Write the date as YYYY-MM-DD');
  });

  it('/jobs --date runs that day’s jobs', async () => {
    const clock = movableClock(deps.clock, deps.settings.companyTimeZone);
    const days: string[] = [];
    const out = await session(['/jobs --date 2026-11-30', '/quit'], 'hr', {
      deps: { ...deps, clock },
      setDate: (d) => clock.moveTo(d),
      runJobs: async () => {
        days.push(clock.now().toISOString().slice(0, 10));
        return 'ran';
      },
    });
    expect(out).toContain('Today is now 2026-11-30');
    expect(days).toEqual(['2026-11-30']);
  });
});

describe('console forms', () => {
  it('checks each answer as it is given: a choice by its name or number, a number as people write it, a date', async () => {
    const out = await session(['/visit', 'acme', 'tomorrow', '2026-11-25', 'face to face', '1', 'Li Wei', 'Review', 'Fine', '', '', '/quit'], 'ann');
    expect(out).toContain('✗ Write the date as YYYY-MM-DD');
    expect(out).toContain('✗ Choose one of: 1. In person  2. Call  3. Video (its number or its name).');
    expect(out).not.toContain('expected one of');
    expect(out).not.toContain('New account (name)');
    expect(await deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ date: '2026-11-25', mode: 'in_person' })]);
  });
});
