/** Texts of exports and the audit log: `/export`, `/audit`, in both languages. */
export const recordsEn = {
  'help.cmd.export': 'download the published results of a period as CSV and XLSX (`/export results 2026-Q3`; HR)',
  'help.cmd.audit': 'list every change: who, when, what, why (`/audit @rep 2026-Q3`; HR)',
};
export type RecordsMessageKey = keyof typeof recordsEn;

export const recordsZhCN: Record<RecordsMessageKey, string> = {
  'help.cmd.export': '下载某期已发布结果的 CSV 和 XLSX 文件（`/export results 2026-Q3`；HR）',
  'help.cmd.audit': '列出每一次变更：谁、何时、改了什么、为什么（`/audit @销售 2026-Q3`；HR）',
};
