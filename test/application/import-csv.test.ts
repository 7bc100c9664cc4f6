import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, importCsv, type ImportInput, type ImportIssue } from '../../src/application/people/import-csv.js';
import { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { issueText } from '../../src/views/errors.js';
import { person, smallOrg, T0 } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let admin: Person;
let hr: Person;
let ann: Person;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 10:00 in Shanghai
  await smallOrg(deps.store);
  admin = person('root', { roles: ['admin'], identities: ['slack:UROOT'] });
  await deps.store.people.insert(admin);
  // Give the managers and cat platform identities so files can name them.
  for (const [id, identity] of [['mgr', 'slack:UMGR'], ['mgr2', 'slack:UMGR2'], ['cat', 'slack:UCAT']] as const) {
    await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [identity] });
  }
  hr = (await deps.store.people.get('hr'))!;
  ann = (await deps.store.people.get('ann'))!;
});
afterEach(() => deps.cleanup());

const run = (kind: ImportInput['kind'], csv: string, actor: Person = admin, dryRun = false) => importCsv(deps, actor, { kind, csv, dryRun });
const lines = (...rows: string[]): string => rows.join('\n');

/** Everything an import could touch, to show a refused or dry-run import wrote nothing. */
async function snapshot() {
  const s = deps.store;
  return {
    people: await s.people.find(),
    teams: await s.teams.find(),
    accounts: await s.accounts.find(),
    targets: await s.targets.find(),
    audit: await s.audit.count(),
  };
}

const byIdentity = async (identity: string) => (await deps.store.personByIdentity(identity))!;

describe('importCsv: people', () => {
  const PEOPLE = lines(
    'identity,name,role,team,manager,join_date,leave_date,locale',
    'slack:UANN,Ann Lee,rep,West,,2024-01-01,,zh-CN',
    'slack:UNEW1,Nora Manager,manager,North,,2026-10-01,,',
    'slack:UNEW2,Ned Rep,rep,north,slack:UNEW1,2026/10/5,,',
    'lark:ou_abcd1234,Lin Rep,rep,East,slack:UMGR,2026-11-01,,en',
    'slack:UNEW3,Nia Rep,rep,North,,2026-11-02,,',
  );

  it('creates new people and teams, updates known people by identity and links managers', async () => {
    const report = await run('people', PEOPLE);
    expect(report).toEqual({ kind: 'people', created: 4, updated: 1, unchanged: 0, errors: [], moreErrors: 0, dryRun: false, newTeams: ['North'] });

    // Ann keeps her id and identities; an empty manager cell means her new team's manager.
    expect(await deps.store.people.get('ann')).toMatchObject({ name: 'Ann Lee', teamId: 'west', managerId: 'mgr2', locale: 'zh-CN', identities: ['slack:UANN'], createdAt: T0 });
    const [north] = await deps.store.teams.find({ name: 'North' });
    const nora = await byIdentity('slack:UNEW1');
    expect(north!.managerId).toBe(nora.id);
    expect(nora).toMatchObject({ roles: ['manager'], teamId: north!.id, joinDate: '2026-10-01', locale: 'en', active: true, createdAt: '2026-11-26T02:00:00.000Z' });
    expect(nora.managerId).toBeUndefined();
    expect(await byIdentity('slack:UNEW2')).toMatchObject({ teamId: north!.id, managerId: nora.id, joinDate: '2026-10-05' });
    expect(await byIdentity('slack:UNEW3')).toMatchObject({ teamId: north!.id, managerId: nora.id });
    expect(await byIdentity('lark:ou_abcd1234')).toMatchObject({ name: 'Lin Rep', teamId: 'east', managerId: 'mgr' });
    expect(await deps.store.teams.count()).toBe(3);
  });

  it('reports the same file imported twice as unchanged', async () => {
    await run('people', PEOPLE);
    const again = await run('people', PEOPLE);
    expect([again.created, again.updated, again.unchanged, again.newTeams]).toEqual([0, 0, 5, []]);
  });

  it('keeps what a column left out of the header says, and clears an optional field left empty', async () => {
    const kept = await run('people', lines('identity,name,role,leave_date', 'slack:UCAT,Cat,rep,2026-10-31'));
    expect(kept.updated).toBe(1);
    expect(await deps.store.people.get('cat')).toMatchObject({ teamId: 'west', managerId: 'mgr2', leaveDate: '2026-10-31', active: false });

    await run('people', lines('identity,name,role,team,leave_date', 'slack:UCAT,Cat,rep,,'));
    const cat = (await deps.store.people.get('cat'))!;
    expect([cat.teamId, cat.leaveDate, cat.active]).toEqual([undefined, undefined, true]);
  });

  it('makes a manager row its team’s manager, and leaves a team without one when the role is taken away', async () => {
    await run('people', lines('identity,name,role,team', 'slack:UCAT,Cat,manager;rep,East'));
    expect((await deps.store.teams.get('east'))!.managerId).toBe('cat');
    expect((await deps.store.people.get('cat'))!.roles).toEqual(['manager', 'rep']);

    await run('people', lines('identity,name,role', 'slack:UMGR2,mgr2,rep'));
    expect((await deps.store.teams.get('west'))!.managerId).toBeUndefined();
  });

  it('reads Chinese headers and values from a tab-separated paste', async () => {
    const csv = lines('平台账号\t姓名\t角色\t团队\t经理\t入职日期\t语言', 'slack:UZH1\t王芳\t销售\t华东\tslack:UMGR\t2026年3月1日\t中文');
    const report = await run('people', csv);
    expect([report.created, report.newTeams]).toEqual([1, ['华东']]);
    expect(await byIdentity('slack:UZH1')).toMatchObject({ name: '王芳', roles: ['rep'], managerId: 'mgr', joinDate: '2026-03-01', locale: 'zh-CN' });
  });

  it('reads a tab-separated file whose cells contain commas', async () => {
    const report = await run('people', lines('identity\tname\trole\tjoin_date', 'slack:UTAB\tLee, Tom\trep\t2026-01-05'));
    expect(report.created).toBe(1);
    expect((await byIdentity('slack:UTAB')).name).toBe('Lee, Tom');
  });
});

describe('importCsv: accounts', () => {
  it('creates accounts and updates tier, industry and owner of accounts matched by name', async () => {
    const csv = lines('name,tier,industry,owner,first_won_date', 'ACME ,strategic,Machinery,slack:UCAT,', '"Initech  Ltd",b,Software,slack:UANN,2025-06-30');
    const report = await run('accounts', csv);
    expect([report.created, report.updated, report.unchanged]).toEqual([1, 1, 0]);
    expect(await deps.store.accounts.get('acme')).toMatchObject({ name: 'Acme', tier: 'strategic', industry: 'Machinery', ownerId: 'cat' });
    const [initech] = await deps.store.accounts.find({ nameKey: 'initech ltd' });
    expect(initech).toMatchObject({ name: 'Initech  Ltd', tier: 'B', ownerId: 'ann', firstWonDate: '2025-06-30', createdAt: '2026-11-26T02:00:00.000Z' });
    expect((await deps.store.accounts.get('globex'))!.tier).toBe('strategic');
  });

  it('tolerates a byte-order mark and Windows line ends (Excel’s “CSV UTF-8”)', async () => {
    const report = await run('accounts', '\uFEFF客户名称,等级,行业\r\nUmbrella,C,Pharma\r\n');
    expect(report.created).toBe(1);
    expect((await deps.store.accounts.find({ nameKey: 'umbrella' }))[0]).toMatchObject({ tier: 'C', industry: 'Pharma' });
  });

  it('only moves a first-won date earlier: a later one in the file leaves the recorded win alone', async () => {
    await deps.store.accounts.put({ ...(await deps.store.accounts.get('acme'))!, firstWonDate: '2026-02-01', firstWonBy: 'ann' });
    await run('accounts', lines('name,tier,first_won_date', 'Acme,A,2026-05-01'));
    expect(await deps.store.accounts.get('acme')).toMatchObject({ firstWonDate: '2026-02-01', firstWonBy: 'ann' });
    await run('accounts', lines('name,tier,first_won_date', 'Acme,A,2024-01-15'));
    const acme = (await deps.store.accounts.get('acme'))!;
    expect([acme.firstWonDate, acme.firstWonBy]).toEqual(['2024-01-15', undefined]);
  });
});

describe('importCsv: targets', () => {
  const TARGETS = lines(
    '考核期,指标,范围,对象,目标值',
    '2026-Q4,revenue,team,east,"1,800,000"',
    '2026-q4,visits,rep,slack:UANN,45',
    '2026,collection_rate,团队,West,95%',
  );

  it('creates team and rep targets (HR may import them) and replaces a value on re-import', async () => {
    const report = await run('targets', TARGETS, hr);
    expect([report.created, report.updated, report.unchanged]).toEqual([3, 0, 0]);
    const stored = await deps.store.targets.find({}, { sort: { field: 'periodKey', dir: 'asc' } });
    expect(stored.map((t) => [t.periodKey, t.indicator, t.scope, t.scopeId, t.value, t.createdBy])).toEqual([
      ['2026', 'collection_rate', 'team', 'west', 0.95, 'hr'],
      ['2026-Q4', 'revenue', 'team', 'east', 1_800_000, 'hr'],
      ['2026-Q4', 'visits', 'rep', 'ann', 45, 'hr'],
    ]);

    const again = await run('targets', TARGETS.replace('slack:UANN,45', 'slack:UANN,50'));
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 1, 2]);
    const visits = await deps.store.targets.find({ periodKey: '2026-Q4' });
    expect(visits.find((t) => t.indicator === 'visits')).toMatchObject({ id: stored[2]!.id, value: 50 });
    expect(await deps.store.targets.count()).toBe(3);
  });
});

describe('importCsv: bad files', () => {
  const P = 'identity,name,role,join_date';
  const cases: [string, ImportInput['kind'], string, ImportIssue][] = [
    ['unknown role', 'people', lines(P, 'slack:UX1,X,rep,2026-01-01', 'slack:UX2,Y,boss,2026-01-01'), { line: 3, column: 'role', message: "unknown role 'boss'; use rep, manager, hr or admin" }],
    ['bad date', 'people', lines(P, 'slack:UX1,X,rep,2026-02-30'), { line: 2, column: 'join_date', message: "'2026-02-30' is not a date; write it as YYYY-MM-DD" }],
    ['bad identity', 'people', lines(P, 'U0123,X,rep,2026-01-01'), { line: 2, column: 'identity', message: "'U0123' is not a platform identity; write it like slack:U0123ABC or lark:ou_abc123" }],
    ['duplicate identity', 'people', lines(P, 'slack:UX1,X,rep,2026-01-01', 'slack:ux1,Y,rep,2026-01-01'), { line: 3, column: 'identity', message: 'slack:UX1 is already on line 2' }],
    ['unknown manager', 'people', lines('identity,name,role,manager,join_date', 'slack:UX1,X,rep,slack:UNOBODY,2026-01-01'), { line: 2, column: 'manager', message: 'no person with identity slack:UNOBODY in the store or on an earlier line' }],
    ['manager below their rep', 'people', lines('identity,name,role,manager,join_date', 'slack:UX1,X,rep,slack:UM,2026-01-01', 'slack:UM,M,manager,,2026-01-01'), { line: 2, column: 'manager', message: 'slack:UM is only added on line 3; put managers above the people they manage' }],
    ['manager without the role', 'people', lines('identity,name,role,manager', 'slack:UCAT,Cat,rep,slack:UANN'), { line: 2, column: 'manager', message: 'slack:UANN (ann) is not a manager; give them the manager role' }],
    ['own manager', 'people', lines('identity,name,role,manager', 'slack:UMGR,mgr,manager,slack:UMGR'), { line: 2, column: 'manager', message: 'a person cannot manage themselves' }],
    ['new person without join date', 'people', lines('identity,name,role', 'slack:UX1,X,rep'), { line: 2, column: 'join_date', message: 'a new person needs a join date' }],
    ['leave before join', 'people', lines('identity,name,role,join_date,leave_date', 'slack:UX1,X,rep,2026-05-01,2026-04-30'), { line: 2, column: 'leave_date', message: 'must not be before the join date' }],
    ['empty required cell', 'people', lines(P, 'slack:UX1,,rep,2026-01-01'), { line: 2, column: 'name', message: 'must not be empty' }],
    ['unknown language', 'people', lines('identity,name,role,locale', 'slack:UCAT,Cat,rep,fr'), { line: 2, column: 'locale', message: "unknown language 'fr'; use en or zh-CN" }],
    ['admin removing their own admin role', 'people', lines('identity,name,role', 'slack:UROOT,root,hr'), { line: 2, column: 'role', message: 'you cannot remove your own admin role' }],
    ['two managers for a team', 'people', lines('identity,name,role,team', 'slack:UMGR,mgr,manager,East', 'slack:UMGR2,mgr2,manager,east'), { line: 3, column: 'team', message: "team 'East' already has a manager on line 2; a team has one manager" }],
    ['missing column', 'people', lines('identity,name,join_date', 'slack:UX1,X,2026-01-01'), { line: 1, column: 'role', message: 'the required column role (角色) is missing' }],
    ['unknown column', 'people', lines('identity,name,role,email', 'slack:UX1,X,rep,x@example.com'), { line: 1, column: 'email', message: "unknown column 'email'; the people columns are identity, name, role, team, manager, join_date, leave_date, locale" }],
    ['repeated column', 'people', lines('identity,name,姓名,role', 'slack:UX1,X,X,rep'), { line: 1, column: '姓名', message: "column name appears twice (also as 'name')" }],
    ['too many cells', 'people', lines(P, 'slack:UX1,X,rep,2026-01-01,extra'), { line: 2, message: 'this line has 5 cells but the header has 4 columns' }],
    ['unclosed quote', 'people', lines(P, 'slack:UX1,"X,rep,2026-01-01'), { line: 2, message: 'a quote (") is never closed; check the quotes on this line and the ones above' }],
    ['empty file', 'people', '\n  \n', { line: 1, message: 'the file is empty; its first line must be a header such as identity,name,role' }],
    ['header only', 'people', P, { line: 1, message: 'there are no rows below the header' }],
    ['duplicate account', 'accounts', lines('name,tier', 'Foo Bar,A', 'foo  bar,B'), { line: 3, column: 'name', message: "'foo  bar' is already on line 2" }],
    ['unknown tier', 'accounts', lines('name,tier', 'Foo,Gold'), { line: 2, column: 'tier', message: "unknown tier 'Gold'; use strategic, A, B or C" }],
    ['unknown owner', 'accounts', lines('name,tier,owner', 'Foo,A,slack:UNOBODY'), { line: 2, column: 'owner', message: 'no person with identity slack:UNOBODY' }],
    ['unknown indicator', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,sales,team,East,10'), { line: 2, column: 'indicator', message: "unknown indicator 'sales'; use revenue, volume, accounts_served, collection_rate, visits, new_customers, satisfaction, collaboration, intel_shared, coverage or self_review" }],
    ['bad period', 'targets', lines('period,indicator,scope,target,value', '2026-Q5,revenue,team,East,10'), { line: 2, column: 'period', message: "'2026-Q5' is not a period; use a quarter like 2026-Q3 or a year like 2026" }],
    ['negative value', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,revenue,team,East,-5'), { line: 2, column: 'value', message: "'-5' must be more than 0" }],
    ['value not a number', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,revenue,team,East,lots'), { line: 2, column: 'value', message: "'lots' is not a number" }],
    ['unknown scope', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,revenue,region,East,10'), { line: 2, column: 'scope', message: "unknown scope 'region'; use team or rep" }],
    ['unknown team', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,revenue,team,Nowhere,10'), { line: 2, column: 'target', message: "no team named 'Nowhere'" }],
    ['rep target for a non-rep', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,visits,rep,slack:UMGR,10'), { line: 2, column: 'target', message: 'slack:UMGR (mgr) is not a rep; rep targets are for reps' }],
    ['target twice', 'targets', lines('period,indicator,scope,target,value', '2026-Q4,revenue,team,East,10', '2026-q4,Revenue,team,east,12'), { line: 3, message: 'this target is set twice: also on line 2' }],
  ];

  it.each(cases)('%s: reports it with its line and column, in English and Chinese, and writes nothing', async (_name, kind, csv, expected) => {
    const before = await snapshot();
    const report = await run(kind, csv);
    expect(report.errors).toEqual([expected]);
    expect([report.created, report.updated, report.unchanged, report.moreErrors]).toEqual([0, 0, 0, 0]);
    expect(issueText('zh-CN', expected.message)).not.toBe(expected.message);
    expect(await snapshot()).toEqual(before);
  });

  it('names columns the way the file’s header wrote them', async () => {
    const report = await run('people', lines('平台账号,姓名,角色,入职日期', 'slack:UX1,X,老板,2026-01-01'));
    expect(report.errors).toEqual([{ line: 2, column: '角色', message: "unknown role '老板'; use rep, manager, hr or admin" }]);
    expect(issueText('zh-CN', report.errors[0]!.message)).toBe('未知的角色“老板”：请使用 rep, manager, hr 或 admin');
  });

  it('counts lines as the file shows them: blank lines and multi-line cells included', async () => {
    const csv = 'name,tier,industry\r\n\r\n"Multi\r\nLine Co",A,Retail\r\nBad Co,Z,Retail\r\n';
    const report = await run('accounts', csv);
    expect(report.errors).toEqual([{ line: 5, column: 'tier', message: "unknown tier 'Z'; use strategic, A, B or C" }]);
  });

  it('writes nothing when one row among good ones is bad, and lists every bad row', async () => {
    const before = await snapshot();
    const csv = lines(
      'identity,name,role,team,join_date',
      'slack:UOK1,Ok One,rep,Brand New Team,2026-01-01',
      'slack:UANN,Ann Renamed,manager,East,2024-01-01',
      'slack:UBAD,Bad,boss,East,2026-01-01',
      'slack:UOK2,Ok Two,rep,East,2026-13-01',
    );
    const report = await run('people', csv);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'role'],
      [5, 'join_date'],
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await deps.store.people.get('ann'))!.name).toBe('ann');
  });

  it('lists at most 50 errors and counts the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `slack:UX${i},X${i},boss,2026-01-01`);
    const report = await run('people', lines('identity,name,role,join_date', ...rows));
    expect(report.errors).toHaveLength(50);
    expect(report.errors[49]!.line).toBe(51);
    expect(report.moreErrors).toBe(10);
  });

  it('refuses more than 5000 rows with one error, and takes 5000', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Account ${i},B`);
    const over = await run('accounts', lines('name,tier', ...rows(5001)));
    expect(over.errors).toEqual([{ line: 5002, message: 'the file has 5001 rows; import at most 5000 rows at a time' }]);
    expect(issueText('zh-CN', over.errors[0]!.message)).toBe('文件有 5001 行：每次最多导入 5000 行');
    const max = await run('accounts', lines('name,tier', ...rows(5000)), admin, true);
    expect([max.errors, max.created]).toEqual([[], 5000]);
  });
});

describe('importCsv: dry run, permissions, audit', () => {
  const NEW_PEOPLE = lines('identity,name,role,team,join_date', 'slack:UDRY1,Dee,rep,Dry Team,2026-01-01', 'slack:UANN,Ann,rep,East,2024-01-01');

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await snapshot();
    const report = await run('people', NEW_PEOPLE, admin, true);
    expect(report).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 0, errors: [], newTeams: ['Dry Team'] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses people and accounts imports to anyone but an admin, and targets to reps', async () => {
    const before = await snapshot();
    for (const [actor, kind] of [[hr, 'people'], [hr, 'accounts'], [ann, 'targets']] as const) {
      const e = await run(kind, 'x', actor).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, `${actor.id} ${kind}`).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('writes one audit entry per import with its counts', async () => {
    await run('people', NEW_PEOPLE);
    const entries = await deps.store.audit.find({ action: 'import.people' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: 'root',
      at: '2026-11-26T02:00:00.000Z',
      details: { rows: 2, created: 1, updated: 1, unchanged: 0, newTeams: ['Dry Team'] },
    });
  });

  it('describes every column for the help text, in both languages', () => {
    for (const columns of Object.values(CSV_COLUMNS)) {
      for (const c of columns) expect(c.description.en && c.description['zh-CN'], c.key).toBeTruthy();
    }
    expect(CSV_COLUMNS.people.filter((c) => c.required).map((c) => c.key)).toEqual(['identity', 'name', 'role']);
  });
});
