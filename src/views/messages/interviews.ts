/** Texts of feedback interviews (面谈) and improvement plans: `/interview`, in both languages. */
export const interviewsEn = {
  'help.cmd.interview': 'schedule and log the feedback interview with a rep, with an improvement plan (`/interview @rep 2026-10-12 15:00`; managers)',
};
export type InterviewsMessageKey = keyof typeof interviewsEn;

export const interviewsZhCN: Record<InterviewsMessageKey, string> = {
  'help.cmd.interview': '安排并记录与销售的绩效面谈及改进计划（`/interview @销售 2026-10-12 15:00`；经理）',
};
