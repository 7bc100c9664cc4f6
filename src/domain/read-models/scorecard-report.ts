import type { Comparison, Pacing } from '../scoring/analysis.js';
import type { ScoreForecast } from '../scoring/forecast.js';
import type { Person, Team } from '../model/people.js';
import type { Scorecard } from '../model/scorecard.js';
import type { KpiTemplate } from '../model/template.js';
import type { Period } from '../period.js';

/**
 * One rep's explained scorecard for a period, as the scorecard use case answers it (live or frozen
 * from a published result) and every scorecard-like view shows it.
 */
export interface ScorecardReport {
  rep: Person;
  team: Team | null;
  period: Period;
  template: KpiTemplate;
  card: Scorecard;
  comparison: Comparison;
  /** The graded teammates behind the team average (the rep excluded): whose figures it reveals. */
  teamPeerIds: readonly string[];
  /** Only while the period is running and nothing is published for it. */
  pacing: Pacing | null;
  /**
   * While the period runs (and nothing is published for it) its grade is provisional: the
   * scorecard leads with the projection and shows no bonus tier or penalty flag.
   */
  provisional: boolean;
  /** Totals of the previous periods, oldest first (null where the rep had no data). */
  history: { periodKey: string; total: number | null; grade: string }[];
  /** The next total on the trend line (the running period's while it runs), for the text and the chart alike. */
  forecast: (ScoreForecast & { periodKey: string }) | null;
  /** Days of leave in the period (live scorecards only): approved (may prorate targets) and waiting for approval. */
  leave?: { approvedDays: number; pendingDays: number };
  /** Customer-feedback entries of the period by who typed them (live scorecards of one rep). */
  feedbackSources?: { rep: number; customer: number };
}
