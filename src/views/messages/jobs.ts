/** Texts of the scheduled messages (reminders, nudges, rankings, scorecards), in both languages. */
export const jobsEn = {
  'job.followUp.title': 'Follow-ups due today',
  'job.followUp.line': '{account}: {step} (from your visit on {date})',
  'job.followUp.button': 'Log the follow-up',
  'job.followUp.text': 'You have {n} {n|follow-up|follow-ups} due today.',
  'job.nudge.title': 'Week {week}: where you stand',
  'job.nudge.behind': 'You are behind pace on {indicators}.',
  'job.nudge.summary': 'Week {week}: you are behind pace on {indicators}.',
  'job.list.separator': ', ',
  'job.nudge.button': 'Log a visit',
  'job.ranking.title': 'Weekly ranking, {period} so far',
  'job.ranking.private': 'Rankings are private this quarter: use /ranking to see your own place.',
  'job.ranking.own': 'Your place in the weekly ranking ({period} so far): {rank} of {of}.',
  'job.scorecard.intro': 'Your monthly scorecard for {period} so far.',
  'job.button.openHome': 'Open my scorecard',
  'job.chart.title': 'Your score by quarter, with the forecast',
  'job.chart.score': 'Score',
  'job.chart.forecast': 'Forecast',
  'job.chart.noData': 'No scores yet',
} as const;

export type JobsMessageKey = keyof typeof jobsEn;

export const jobsZhCN: Record<JobsMessageKey, string> = {
  'job.followUp.title': '今天到期的跟进',
  'job.followUp.line': '{account}：{step}（来自 {date} 的拜访）',
  'job.followUp.button': '记录这次跟进',
  'job.followUp.text': '你今天有 {n} 项跟进到期。',
  'job.nudge.title': '第 {week} 周：你的进度',
  'job.nudge.behind': '你在以下指标上落后于进度：{indicators}。',
  'job.nudge.summary': '第 {week} 周：你在以下指标上落后于进度：{indicators}。',
  'job.list.separator': '、',
  'job.nudge.button': '记录拜访',
  'job.ranking.title': '每周排名（{period} 至今）',
  'job.ranking.private': '本季度排名不公开：请用 /排名 查看自己的名次。',
  'job.ranking.own': '每周排名（{period} 至今）：你排第 {rank} 名，共 {of} 人。',
  'job.scorecard.intro': '你的 {period} 月度计分卡（截至目前）。',
  'job.button.openHome': '查看我的计分卡',
  'job.chart.title': '各季度得分与预测',
  'job.chart.score': '得分',
  'job.chart.forecast': '预测',
  'job.chart.noData': '暂无得分',
};
