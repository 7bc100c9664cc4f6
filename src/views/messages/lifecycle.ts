/** Texts of the cycle's lifecycle: close date and late entries, targets per cycle, closing, annual cycles, in both languages. */
export const lifecycleEn = {
  'lifecycle.placeholder': '(lifecycle)',
};
export type LifecycleMessageKey = keyof typeof lifecycleEn;

export const lifecycleZhCN: Record<LifecycleMessageKey, string> = {
  'lifecycle.placeholder': '（周期）',
};
