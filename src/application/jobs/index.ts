import { annualSummaryJob } from './annual-summary.js';
import { cycleReminders } from './cycle-reminders.js';
import { followUpReminders } from './follow-up-reminders.js';
import { interviewRemindersJob } from './interview-reminders.js';
import type { Job } from './job.js';
import { monthlyScorecard } from './monthly-scorecard.js';
import { quarterlyDigest } from './quarterly-digest.js';
import { weeklyNudge } from './weekly-nudge.js';
import { weeklyRanking } from './weekly-ranking.js';

/**
 * Every scheduled job. Still to come (see the schedules issue): review-cycle reminders (they need
 * the review-cycle state) and the trend chart image on the monthly scorecard.
 */
export const JOBS: readonly Job[] = [followUpReminders, weeklyNudge, weeklyRanking, monthlyScorecard, quarterlyDigest, annualSummaryJob, interviewRemindersJob, cycleReminders];

export const jobByName = (name: string): Job | undefined => JOBS.find((j) => j.name === name);
