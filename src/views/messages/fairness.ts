/** Texts of the fairness rules (issue 14): appeals by number and button, proposed adjustments, approved leave, customer surveys. */
export const fairnessEn = {
  'fairness.appeal.choosePeriod': 'You have more than one result open to appeal ({periods}): say which one, e.g. /appeal {example} <your reason>',
  'fairness.appeal.ambiguous': 'Appeal number {number} names more than one appeal: use the id shown in /appeal list.',
  'fairness.appeal.accept': 'Accept…',
  'fairness.appeal.reject': 'Reject…',
  'fairness.appeal.item': '{label} · {name} · {period} v{version}: {reason}',
  'form.appeal-decision.title': 'Decide appeal',
  'fairness.appeal.form.acceptTitle': 'Accept appeal {label}',
  'fairness.appeal.form.rejectTitle': 'Reject appeal {label}',
  'fairness.appeal.form.intro': '{name} contests their {period} result (version {version}): {reason}',
  'fairness.appeal.form.delta': 'Score change (points)',
  'fairness.appeal.form.deltaHint': 'Points to add or remove, like 3 or -2.5',
  'fairness.appeal.form.reason': 'Reason (told to the rep)',
  'fairness.appeal.form.accept': 'Accept',
  'fairness.appeal.form.reject': 'Reject',
  'fairness.appeal.form.stale': 'This form no longer names an appeal: open the appeal again from /appeal list.',
} as const;

export type FairnessMessageKey = keyof typeof fairnessEn;

export const fairnessZhCN: Record<FairnessMessageKey, string> = {
  'fairness.appeal.choosePeriod': '你有多个考核期的结果仍可申诉（{periods}）：请指明考核期，例如 /appeal {example} <你的理由>',
  'fairness.appeal.ambiguous': '申诉编号 {number} 对应多条申诉：请使用 /appeal list 中显示的编号 ID。',
  'fairness.appeal.accept': '接受…',
  'fairness.appeal.reject': '驳回…',
  'fairness.appeal.item': '{label} · {name} · {period} 第 {version} 版：{reason}',
  'form.appeal-decision.title': '处理申诉',
  'fairness.appeal.form.acceptTitle': '接受申诉 {label}',
  'fairness.appeal.form.rejectTitle': '驳回申诉 {label}',
  'fairness.appeal.form.intro': '{name} 对其 {period} 结果（第 {version} 版）提出申诉：{reason}',
  'fairness.appeal.form.delta': '分数调整（分）',
  'fairness.appeal.form.deltaHint': '要加或减的分数，例如 3 或 -2.5',
  'fairness.appeal.form.reason': '理由（会告知销售本人）',
  'fairness.appeal.form.accept': '接受',
  'fairness.appeal.form.reject': '驳回',
  'fairness.appeal.form.stale': '此表单已不对应任何申诉：请从 /appeal list 重新打开该申诉。',
};
