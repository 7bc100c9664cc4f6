import { AppError } from '../domain/errors.js';
import { addDays, todayIn, weekday, type LocalDate } from '../domain/dates.js';
import { accountNameKey, type Account } from '../domain/model/accounts.js';
import type { Activity, Deal, Feedback, Intel, Payment, PeerReview } from '../domain/model/entries.js';
import type { Person, Team } from '../domain/model/people.js';
import type { Target } from '../domain/model/targets.js';
import { periodsBefore, quarterOf, type Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';
import { seededRandom, type Random } from './random.js';
import { ensureDefaultTemplate } from './templates.js';

/**
 * The demo organisation: 3 teams, 24 reps, 120 key accounts, the last four complete quarters and
 * the current quarter so far, dated relative to today. Deterministic: the same day gives the same
 * data. Each rep has a steady skill level and a trend, so rankings, trends and pacing mean something.
 */

const TEAMS = [
  { id: 'demo-team-east', name: 'East China 华东' },
  { id: 'demo-team-north', name: 'North China 华北' },
  { id: 'demo-team-south', name: 'South China 华南' },
] as const;

const SURNAMES = ['Wang 王', 'Li 李', 'Zhang 张', 'Liu 刘', 'Chen 陈', 'Yang 杨', 'Zhao 赵', 'Huang 黄', 'Zhou 周', 'Wu 吴', 'Xu 徐', 'Sun 孙', 'Hu 胡', 'Zhu 朱', 'Gao 高', 'Lin 林', 'He 何', 'Guo 郭', 'Ma 马', 'Luo 罗'];
const GIVEN = ['Wei 伟', 'Fang 芳', 'Na 娜', 'Min 敏', 'Jing 静', 'Lei 磊', 'Qiang 强', 'Yan 艳', 'Jie 杰', 'Tao 涛', 'Ming 明', 'Chao 超', 'Xiu 秀', 'Hua 华', 'Ping 平', 'Gang 刚', 'Hui 慧', 'Yu 宇', 'Bo 博', 'Lan 兰'];
const CITIES = ['Shanghai', 'Hangzhou', 'Suzhou', 'Nanjing', 'Beijing', 'Tianjin', 'Jinan', 'Qingdao', 'Guangzhou', 'Shenzhen', 'Xiamen', 'Dongguan'];
const WORDS = ['Jinding', 'Hengtai', 'Huaxin', 'Tianrun', 'Zhongke', 'Ruifeng', 'Longsheng', 'Boyuan', 'Xinhe', 'Anda', 'Kaiyuan', 'Hongda'];
const INDUSTRIES = ['Machinery', 'Pharma', 'Logistics', 'Electronics', 'Retail', 'Automotive', 'Chemicals', 'Energy', 'Food', 'Textiles'];
const PRODUCTS = ['Industrial IoT platform', 'Predictive maintenance suite', 'Warehouse robots', 'Energy monitoring', 'Quality inspection AI'];
const PURPOSES = ['Quarterly business review', 'Product demo', 'Price negotiation', 'Contract renewal', 'Technical workshop', 'Relationship dinner', 'Complaint follow-up'];
const OUTCOMES = ['Agreed on a pilot', 'Asked for a revised quote', 'Introduced us to procurement', 'Needs budget approval', 'Positive, next meeting set', 'Raised service concerns'];
const INTEL_TOPICS = ['Competitor pricing', 'New tender', 'Customer reorganisation', 'Policy change', 'Competitor product launch'];

export interface DemoSummary {
  teams: number;
  reps: number;
  accounts: number;
  activities: number;
  deals: number;
  payments: number;
  feedback: number;
  peerReviews: number;
  intel: number;
  periods: string[];
}

export const DEMO_HR_ID = 'demo-hr';
export const DEMO_ADMIN_ID = 'demo-admin';

/** Work days (Mon–Fri) of a period up to `until`. */
function workDays(period: Period, until: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const end = until < period.to ? until : period.to;
  for (let d = period.from; d <= end; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) out.push(d);
  }
  return out;
}

const poisson = (rnd: Random, mean: number): number => Math.max(0, Math.round(mean + rnd.gauss() * Math.sqrt(Math.max(mean, 0.1))));

export async function seedDemo(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, seed = 2026): Promise<DemoSummary> {
  const { store } = deps;
  if ((await store.people.count()) > 0) {
    throw new AppError('CONFLICT', 'the store already holds people: demo data only goes into an empty store', {
      params: { messageId: 'seed.notEmpty' },
    });
  }
  const rnd = seededRandom(seed);
  const createdAt = deps.clock.now().toISOString();
  const today = todayIn(deps.settings.companyTimeZone, deps.clock.now());
  const current = quarterOf(today);
  const periods = [...periodsBefore(current, 4), current];
  const orgStart = addDays(periods[0]!.from, -400);
  await ensureDefaultTemplate(deps);

  // People: an admin, HR, three managers, 24 reps.
  const people: Person[] = [
    { id: DEMO_ADMIN_ID, name: 'Demo Admin 管理员', roles: ['admin'], joinDate: orgStart, identities: ['console:admin'], locale: 'en', active: true, createdAt },
    { id: DEMO_HR_ID, name: 'Zhou Li 周丽 (HR)', roles: ['hr'], joinDate: orgStart, identities: ['console:hr'], locale: 'zh-CN', active: true, createdAt },
  ];
  const teams: Team[] = [];
  TEAMS.forEach((t, i) => {
    const managerId = `demo-manager-${i + 1}`;
    people.push({ id: managerId, name: `${SURNAMES[i]!.split(' ')[0]} ${GIVEN[i + 10]!.split(' ')[0]} ${SURNAMES[i]!.split(' ')[1]}${GIVEN[i + 10]!.split(' ')[1]} (Mgr)`, roles: ['manager'], joinDate: orgStart, identities: [`console:manager${i + 1}`], locale: i === 0 ? 'en' : 'zh-CN', active: true, createdAt });
    teams.push({ id: t.id, name: t.name, managerId, createdAt });
  });
  const reps: (Person & { skill: number; trend: number })[] = [];
  for (let i = 0; i < 24; i++) {
    const team = teams[i % 3]!;
    // Unique names: surname i mod 20, given name shifted by 5 on the second round.
    const s = SURNAMES[i % SURNAMES.length]!.split(' ');
    const g = GIVEN[(i * 3 + Math.floor(i / SURNAMES.length) * 5) % GIVEN.length]!.split(' ');
    // One rep joined this quarter (targets prorated); one left last quarter.
    const joinDate = i === 23 ? addDays(current.from, 20) : addDays(orgStart, rnd.int(0, 200));
    const rep = {
      id: `demo-rep-${String(i + 1).padStart(2, '0')}`,
      name: `${s[0]} ${g[0]} ${s[1]}${g[1]}`,
      roles: ['rep' as const],
      teamId: team.id,
      managerId: team.managerId!,
      joinDate,
      ...(i === 22 ? { leaveDate: addDays(periods[3]!.to, -10), active: false } : { active: true }),
      identities: [`console:rep${i + 1}`],
      locale: (i % 2 === 0 ? 'zh-CN' : 'en') as Person['locale'],
      createdAt,
      skill: 0.55 + rnd.next() * 0.8,
      trend: (rnd.next() - 0.5) * 0.16,
    };
    reps.push(rep);
  }
  // Teams reference managers and managers nothing: store teams without managers first, then people, then link.
  await store.teams.insertMany(teams.map(({ managerId: _m, ...t }) => t));
  await store.people.insertMany([...people, ...reps.map(({ skill: _s, trend: _t, ...p }) => p)]);
  for (const t of teams) await store.teams.put(t);

  // Accounts: five owned by each rep.
  const accounts: Account[] = [];
  for (let i = 0; i < 120; i++) {
    const name = `${CITIES[i % CITIES.length]} ${WORDS[(i * 5 + Math.floor(i / 12)) % WORDS.length]} ${INDUSTRIES[i % INDUSTRIES.length]}`;
    const tierRoll = rnd.next();
    accounts.push({
      id: `demo-acct-${String(i + 1).padStart(3, '0')}`,
      name,
      nameKey: accountNameKey(name),
      tier: tierRoll < 0.1 ? 'strategic' : tierRoll < 0.35 ? 'A' : tierRoll < 0.7 ? 'B' : 'C',
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      ownerId: reps[i % 24]!.id,
      createdAt,
    });
  }

  const activities: Activity[] = [];
  const deals: Deal[] = [];
  const payments: Payment[] = [];
  const feedback: Feedback[] = [];
  const peerReviews: PeerReview[] = [];
  const intel: Intel[] = [];
  const wonAccounts = new Set<string>();
  let n = 0;
  const id = (prefix: string): string => `demo-${prefix}-${String(++n).padStart(6, '0')}`;

  periods.forEach((period, pi) => {
    const days = workDays(period, today);
    if (days.length === 0) return;
    const share = days.length / workDays(period, period.to).length;
    for (const rep of reps) {
      const repDays = days.filter((d) => d >= rep.joinDate && (!rep.leaveDate || d <= rep.leaveDate));
      if (repDays.length === 0) continue;
      const presence = repDays.length / days.length;
      const level = Math.max(0.2, rep.skill + rep.trend * pi);
      const own = accounts.filter((a) => a.ownerId === rep.id);
      const pickAccount = (): Account => (rnd.chance(0.8) ? rnd.pick(own) : rnd.pick(accounts));
      const day = (): LocalDate => rnd.pick(repDays);

      for (let k = poisson(rnd, 36 * level * share * presence); k > 0; k--) {
        const date = day();
        const next = rnd.chance(0.6) ? { nextStep: 'Send revised proposal', nextStepDate: addDays(date, rnd.int(3, 21)) } : {};
        activities.push({
          id: id('act'), repId: rep.id, accountId: pickAccount().id, kind: rnd.pick(['visit', 'visit', 'call', 'follow_up'] as const),
          mode: rnd.pick(['in_person', 'in_person', 'phone', 'video'] as const), date, contacts: [`${rnd.pick(SURNAMES).split(' ')[0]} (buyer)`],
          purpose: rnd.pick(PURPOSES), outcome: rnd.pick(OUTCOMES), ...next, createdAt,
        });
      }
      for (let k = poisson(rnd, 8 * level * share * presence); k > 0; k--) {
        const account = rnd.chance(0.15) ? rnd.pick(accounts) : pickAccount();
        const signedDate = day();
        const amount = Math.round(Math.max(30_000, 190_000 * level * (1 + rnd.gauss() * 0.25)) / 1000) * 1000;
        const firstWin = !wonAccounts.has(account.id);
        wonAccounts.add(account.id);
        if (firstWin) Object.assign(account, { firstWonDate: signedDate, firstWonBy: rep.id });
        const deal: Deal = {
          id: id('deal'), repId: rep.id, accountId: account.id, amount, currency: 'CNY', amountBase: amount,
          units: Math.max(1, Math.round(amount / 5000)), product: rnd.pick(PRODUCTS), signedDate,
          dueDate: addDays(signedDate, rnd.pick([30, 30, 45, 60])), firstWin, createdAt,
        };
        deals.push(deal);
        // Collection: better reps collect more and sooner; nothing is received after today.
        if (rnd.chance(Math.min(0.97, 0.55 + level * 0.35))) {
          const received = addDays(deal.dueDate, rnd.int(-10, 20));
          if (received <= today) {
            const partial = rnd.chance(0.2) ? Math.round(amount * 0.5) : amount;
            payments.push({ id: id('pay'), dealId: deal.id, repId: rep.id, amount: partial, amountBase: partial, dueDate: deal.dueDate, receivedDate: received, createdAt });
          }
        }
      }
      for (let k = poisson(rnd, 3 * share * presence); k > 0; k--) {
        const base = Math.min(5, Math.max(1, Math.round(2.6 + level * 1.6 + rnd.gauss() * 0.6)));
        feedback.push({
          id: id('fb'), repId: rep.id, accountId: pickAccount().id, date: day(), service: base,
          product: Math.min(5, Math.max(1, base + rnd.int(-1, 1))), comment: base >= 4 ? 'Responsive and well prepared' : 'Slow to answer our questions',
          source: base <= 2 ? 'complaint' : rnd.pick(['customer', 'survey'] as const), createdAt,
        });
      }
      for (let k = poisson(rnd, 6 * level * share * presence); k > 0; k--) {
        intel.push({ id: id('intel'), repId: rep.id, date: day(), topic: rnd.pick(INTEL_TOPICS), text: 'A competitor offered 15% off on a three-year contract.', createdAt });
      }
    }
    // Peer reviews: each rep rates three teammates once per quarter (finished quarters only).
    if (period.to < today) {
      for (const rep of reps) {
        const mates = reps.filter((r) => r.teamId === rep.teamId && r.id !== rep.id && r.joinDate <= period.to && (!r.leaveDate || r.leaveDate >= period.from));
        if (rep.joinDate > period.to || (rep.leaveDate && rep.leaveDate < period.from)) continue;
        for (let k = 0; k < 3 && mates.length > 0; k++) {
          const to = mates.splice(rnd.int(0, mates.length - 1), 1)[0]!;
          peerReviews.push({
            id: id('peer'), fromId: rep.id, toId: to.id, periodKey: period.key,
            collaboration: Math.min(5, Math.max(1, Math.round(3 + to.skill + rnd.gauss() * 0.7 - 0.5))), comment: '',
            date: addDays(period.to, -3), createdAt,
          });
        }
      }
    }
  });

  await store.accounts.insertMany(accounts);
  for (const [coll, records] of [['activities', activities], ['deals', deals], ['payments', payments], ['feedback', feedback], ['peerReviews', peerReviews], ['intel', intel]] as const) {
    await (store[coll].insertMany as (r: readonly unknown[]) => Promise<number>)(records);
  }
  // A team target and a personal target this quarter, so scorecards show every target source.
  const targets: Target[] = [
    { id: `demo-target-east-revenue-${current.key}`, periodKey: current.key, indicator: 'revenue', scope: 'team', scopeId: 'demo-team-east', value: 1_800_000, createdAt, createdBy: DEMO_HR_ID },
    { id: `demo-target-rep01-visits-${current.key}`, periodKey: current.key, indicator: 'visits', scope: 'rep', scopeId: 'demo-rep-01', value: 45, createdAt, createdBy: DEMO_HR_ID },
  ];
  await store.targets.insertMany(targets);
  return {
    teams: teams.length, reps: reps.length, accounts: accounts.length, activities: activities.length, deals: deals.length,
    payments: payments.length, feedback: feedback.length, peerReviews: peerReviews.length, intel: intel.length,
    periods: periods.map((p) => p.key),
  };
}
