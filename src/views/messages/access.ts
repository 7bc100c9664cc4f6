/** Texts about who may use the bot, and as whom: foreign workspaces, unknown mentions, newcomers. */
export const accessEn = {
  'access.foreignWorkspace': 'This appraisal bot serves only its own company’s Slack workspace, so it cannot take requests from yours. Nothing was saved.',
  'access.foreignTenant': 'This appraisal bot serves only its own company on Lark/Feishu, so it cannot take requests from yours. Nothing was saved.',
  'access.unknownMention': 'I don’t know {names} yet: they need to use the bot once themselves, or an administrator adds them with /appraisal-admin import people.',
  'access.unplaced': 'You are not placed in a team yet, so for now you can only see your own records. An administrator places you with /appraisal-admin team @you <team> (or gives you a role with /appraisal-admin role).',
} as const;

export type AccessMessageKey = keyof typeof accessEn;

export const accessZhCN: Record<AccessMessageKey, string> = {
  'access.foreignWorkspace': '此考核机器人只服务于本公司的 Slack 工作区，无法受理来自你所在工作区的请求。未保存任何内容。',
  'access.foreignTenant': '此考核机器人只服务于本公司的飞书（Lark）企业，无法受理来自你所在企业的请求。未保存任何内容。',
  'access.unknownMention': '我还不认识 {names}：请对方先亲自使用一次机器人，或由管理员用 /管理 import people 添加。',
  'access.unplaced': '你还没有被分配到团队，目前只能查看自己的记录。请管理员用 /管理 team @你 <团队> 为你分配团队（或用 /管理 role 设置角色）。',
};
