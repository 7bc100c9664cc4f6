/**
 * Words the code stores in English and shows to people: role names, channel purposes, account-tier
 * names, the units counted indicators are measured in, and the texts the system writes into
 * stored records (a version's reason, the seeded template's name). views/labels.ts looks them up;
 * a value with no label here (a tier an admin named) is shown as stored. Roles print as people write
 * them (HR, Admin, Manager, Rep); `/appraisal-admin role` accepts them in any case.
 */
export const labelsEn = {
  'role.rep': 'Rep',
  'role.manager': 'Manager',
  'role.hr': 'HR',
  'role.admin': 'Admin',
  'role.separator': ', ',
  'role.or': '/',
  'purpose.intel': 'intel',
  'purpose.rankings': 'rankings',
  'purpose.results': 'results',
  'purpose.hr-private': 'hr-private',
  'unit.days': '{n}d',
  'account.dormant.phrase': '{name} ({tier}, {since})',
  'stored.first publication': 'first publication',
  'stored.goals written in the interview': 'goals written in the interview',
  'stored.goals prefilled from the weakest weighted indicators of the published result': 'goals prefilled from the weakest weighted indicators of the published result',
  'stored.Key-account sales (default)': 'Key-account sales (default)',
  'stored.default': 'default',
  'paren': ' ({text})',
  'paren.separator': ', ',
} as const;

export type LabelsMessageKey = keyof typeof labelsEn;

export const labelsZhCN: Record<LabelsMessageKey, string> = {
  'role.rep': '销售代表',
  'role.manager': '经理',
  'role.hr': '人力资源',
  'role.admin': '管理员',
  'role.separator': '、',
  'role.or': '或',
  'purpose.intel': '市场情报',
  'purpose.rankings': '排名',
  'purpose.results': '考核结果',
  'purpose.hr-private': '人力资源私密校准资料',
  'unit.days': '{n} 天',
  'account.dormant.phrase': '{name}（{tier}，{since}）',
  'stored.first publication': '首次发布',
  'stored.goals written in the interview': '面谈中写下的目标',
  'stored.goals prefilled from the weakest weighted indicators of the published result': '按已发布结果中失分最多的加权指标预填的目标',
  'stored.Key-account sales (default)': '大客户销售（默认）',
  'stored.default': '默认',
  'paren': '（{text}）',
  'paren.separator': '，',
};
