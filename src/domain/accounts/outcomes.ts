import { addDays, type LocalDate } from '../dates.js';

/**
 * From behaviour to outcome: what a rep's visits led to. Analysis shown and explained on the
 * scorecard and in the manager's digest; not scored unless a template chooses to.
 */
export interface OutcomeActivity {
  accountId: string;
  date: LocalDate;
  kind: string;
  nextStep?: string | undefined;
}

export interface OutcomeDeal {
  accountId: string;
  signedDate: LocalDate;
}

export interface RepOutcome {
  /** Visits (any activity) in the period. */
  visits: number;
  /** Distinct accounts visited in the period. */
  accountsVisited: number;
  /** Of those, accounts that signed a deal in the period on or after the first visit. */
  accountsWon: number;
  /** accountsWon / accountsVisited; null without visits. */
  conversion: number | null;
  /** Visits in the period that recorded no next step. */
  withoutNextStep: number;
  /**
   * Visits at least `followUpDays` old on `asOf` with no later activity by the rep on the same
   * account within `followUpDays` after.
   */
  withoutFollowUp: number;
  followUpDays: number;
}

/**
 * `activities` must hold the rep's activities from the period start up to `followUpDays` after
 * its end (a follow-up may fall after the period); `deals` the rep's deals signed in the period.
 */
export function repOutcome(
  input: { activities: readonly OutcomeActivity[]; deals: readonly OutcomeDeal[]; period: { from: LocalDate; to: LocalDate }; asOf: LocalDate },
  followUpDays = 30,
): RepOutcome {
  const inPeriod = input.activities.filter((a) => a.date >= input.period.from && a.date <= input.period.to && a.date <= input.asOf);
  const firstVisit = new Map<string, LocalDate>();
  for (const a of inPeriod) if (!firstVisit.has(a.accountId) || a.date < firstVisit.get(a.accountId)!) firstVisit.set(a.accountId, a.date);
  const won = new Set(
    input.deals
      .filter((d) => d.signedDate >= input.period.from && d.signedDate <= input.period.to && firstVisit.has(d.accountId) && d.signedDate >= firstVisit.get(d.accountId)!)
      .map((d) => d.accountId),
  );
  const byAccount = new Map<string, LocalDate[]>();
  for (const a of input.activities) byAccount.set(a.accountId, [...(byAccount.get(a.accountId) ?? []), a.date]);
  let withoutFollowUp = 0;
  for (const a of inPeriod) {
    const due = addDays(a.date, followUpDays);
    if (due > input.asOf) continue; // still time to follow up
    const followed = (byAccount.get(a.accountId) ?? []).some((d) => d > a.date && d <= due);
    if (!followed) withoutFollowUp++;
  }
  return {
    visits: inPeriod.length,
    accountsVisited: firstVisit.size,
    accountsWon: won.size,
    conversion: firstVisit.size ? won.size / firstVisit.size : null,
    withoutNextStep: inPeriod.filter((a) => !a.nextStep).length,
    withoutFollowUp,
    followUpDays,
  };
}
