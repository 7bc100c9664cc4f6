/** Texts of calibration (the review meeting): `/cycle meeting`, `/cycle calibrate`, `/adjust`, in both languages. */
export const calibrationEn = {
  'help.cmd.adjust': "adjust a rep's score in calibration, with a written reason (`/adjust @rep -3 reason`; HR or the rep's manager)",
};
export type CalibrationMessageKey = keyof typeof calibrationEn;

export const calibrationZhCN: Record<CalibrationMessageKey, string> = {
  'help.cmd.adjust': '在校准中调整某位销售的分数，必须写明理由（`/adjust @销售 -3 理由`；HR 或其经理）',
};
