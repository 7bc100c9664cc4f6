/** Texts of rewards, penalties and appeals: `/award`, `/appeal`, the publication's confirmation, in both languages. */
export const rewardsEn = {
  'help.cmd.award': "grant a special award with a reason (`/award @rep Deal of the quarter: won Acme`; a manager's award waits for HR)",
  'help.cmd.appeal': 'contest your published result within the appeal window (`/appeal <reason>`); HR answers',
};
export type RewardsMessageKey = keyof typeof rewardsEn;

export const rewardsZhCN: Record<RewardsMessageKey, string> = {
  'help.cmd.award': '授予特别奖励并写明理由（`/award @销售 季度最佳成交：拿下 Acme`；经理提出的奖励需 HR 批准）',
  'help.cmd.appeal': '在申诉期内对已发布的结果提出申诉（`/appeal <理由>`）；由 HR 处理',
};
