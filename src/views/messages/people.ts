/** Texts about roles (a set per person), help per role, and teams named as people type them. */
export const peopleEn = {
  'admin.roles': '{name}’s roles are now: {roles}.',
  'admin.roles.same': '{name} already had these roles: {roles}. Nothing changed.',
  'error.roleChange': 'Say which role to add or remove: +{role} adds it, -{role} removes it (a bare role adds it), e.g. /appraisal-admin role @someone +hr. Roles: {roles}.',
  'error.noRoleLeft': '{name} would have no role left: give another role in the same command, e.g. +rep -manager.',
  'error.lastAdmin': '{name} is the last administrator: make someone else admin first, so the bot always has one.',
  'team.ambiguous': '"{team}" fits several teams: {teams}. Write more of the name.',
  'error.needsRole.selfGrant': 'As an administrator you can give it to yourself: /appraisal-admin role @you +{role}.',
  'help.repTitle': 'Your records (reps)',
  'help.everyoneTitle': 'Scores and reports',
} as const;

export type PeopleMessageKey = keyof typeof peopleEn;

export const peopleZhCN: Record<PeopleMessageKey, string> = {
  'admin.roles': '{name} 现在的角色：{roles}。',
  'admin.roles.same': '{name} 已有这些角色：{roles}，未作更改。',
  'error.roleChange': '请说明要添加还是移除哪个角色：+{role} 表示添加，-{role} 表示移除（只写角色名即为添加），例如 /管理 role @某人 +hr。可用角色：{roles}。',
  'error.noRoleLeft': '{name} 将没有任何角色：请在同一条命令里再给一个角色，例如 +rep -manager。',
  'error.lastAdmin': '{name} 是最后一位管理员：请先让另一个人成为管理员，机器人必须始终有一位管理员。',
  'team.ambiguous': '“{team}”对应多个团队：{teams}。请写出更完整的名称。',
  'error.needsRole.selfGrant': '你是管理员，可以给自己添加该角色：/管理 role @你 +{role}。',
  'help.repTitle': '我的记录（销售代表）',
  'help.everyoneTitle': '成绩与报表',
};
