import type { LocalDate } from '../dates.js';
import type { Period } from '../period.js';
import type { RecentEntry } from './entries.js';
import type { ScorecardReport } from './scorecard-report.js';

/** One of a manager's reps at a glance, for the running quarter. */
export interface TeamGlanceRow {
  repId: string;
  name: string;
  /** Null while the rep has no records this quarter. */
  total: number | null;
  grade: string;
  /** Null when the template has no visits indicator. `onPace`: projected visits reach the target. */
  visits: { actual: number; target: number | null; projected: number | null; onPace: boolean | null } | null;
}

/** What the App Home shows a person: their quarter so far, their latest entries, and their team. */
export interface HomeData {
  actor: { id: string; name: string };
  period: Period;
  today: LocalDate;
  /** Reps and managers log entries (and get the buttons to); HR and admins only look. */
  canLog: boolean;
  /** The actor's own running scorecard with pacing; null for someone who is not a rep this quarter. */
  scorecard: ScorecardReport | null;
  recent: RecentEntry[];
  /** The reps the actor manages, by name; null for someone who is not a manager. */
  team: TeamGlanceRow[] | null;
}
