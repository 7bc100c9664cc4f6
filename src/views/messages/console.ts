/** Texts of the local console (trying the bot without a chat workspace), in both languages. */
export const consoleEn = {
  'console.welcome': 'Appraisal bot, local console. Type /appraisal help for the commands, /as to switch user, /jobs to run today’s scheduled jobs now, /quit to leave.',
  'console.loadDemo': 'The store is empty. Load the demo organisation (3 teams, 24 reps, 5 quarters of data)? [Y/n] ',
  'console.demoLoaded': 'Demo loaded: {reps} reps, {accounts} key accounts, {activities} activities.',
  'console.noPeople': 'Nobody to be yet: load the demo data (npm run seed:demo) or import people.',
  'console.whoAreYou': 'Who are you? Type a number or a name: ',
  'console.youAre': 'You are {name} ({roles}).',
  'console.unknownUser': 'Nobody matches "{name}".',
  'console.unknownCommand': 'Not a command: {text}. Type /appraisal help.',
  'console.optional': 'optional, Enter to skip',
  'console.noMatch': 'No key account matches "{text}". Try another name.',
  'console.pick': 'Which one? Type its number:',
  'console.cancelHint': '{cancel} to stop',
  'console.cancelled': 'Cancelled: nothing was saved.',
  'console.dm': '📨 Direct message to {to}',
  'console.post': '📢 Post in {to}',
  'console.jobsRan': 'Ran today’s jobs: {summary}.',
  'console.bye': 'Bye.',
  'console.fileSaved': 'File saved: {path}',
} as const;

export type ConsoleMessageKey = keyof typeof consoleEn;

export const consoleZhCN: Record<ConsoleMessageKey, string> = {
  'console.welcome': '考核机器人本地控制台。输入 /appraisal help 查看命令，/as 切换用户，/jobs 立即运行今天的定时任务，/quit 退出。',
  'console.loadDemo': '数据库是空的。要加载演示组织吗（3 个团队、24 名销售、5 个季度的数据）？[Y/n] ',
  'console.demoLoaded': '演示数据已加载：{reps} 名销售、{accounts} 个大客户、{activities} 条活动。',
  'console.noPeople': '还没有任何人员：请加载演示数据（npm run seed:demo）或导入人员。',
  'console.whoAreYou': '你是谁？输入编号或姓名：',
  'console.youAre': '你现在是 {name}（{roles}）。',
  'console.unknownUser': '没有匹配"{name}"的人。',
  'console.unknownCommand': '不是命令：{text}。输入 /帮助 查看命令。',
  'console.optional': '可选，回车跳过',
  'console.noMatch': '没有匹配"{text}"的大客户，请换个名称。',
  'console.pick': '选择哪一个？输入编号：',
  'console.cancelHint': '输入 {cancel} 取消',
  'console.cancelled': '已取消：没有保存任何内容。',
  'console.dm': '📨 发给 {to} 的私信',
  'console.post': '📢 发到 {to} 的消息',
  'console.jobsRan': '已运行今天的定时任务：{summary}。',
  'console.bye': '再见。',
  'console.fileSaved': '文件已保存：{path}',
};
