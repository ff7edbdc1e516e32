import type { Lang } from './state.js';

/** Every fixed text the dialog says, in Chinese and English. */
const TEXTS = {
  welcome: {
    zh: '您好，我是通策——南通科技政策助手。我可以：\n① 评估企业能否认定{programmes}，并说明差距；\n② 查询政策条款（如“高企研发费用占比要求”），每个回答都注明出处；\n③ 告诉您问题该找哪个部门，或转人工。',
    en: 'Hello, I am Tongce, the Nantong science-and-technology policy assistant. I can:\n1. check whether your enterprise qualifies for the {programmes} programmes, and say what is missing;\n2. look up policy clauses, always citing the source;\n3. tell you which department handles a question, or hand you to a person.',
  },
  menuCheck: { zh: '评估我能认定什么', en: 'Check my eligibility' },
  menuLookup: { zh: '查政策条款', en: 'Look up a clause' },
  menuHuman: { zh: '转人工', en: 'Talk to a person' },
  lookupHint: { zh: '请直接输入您想查的问题，例如“科小评价多少分合格”。', en: 'Type your question, e.g. “科小评价多少分合格”.' },
  checkStart: {
    zh: '好的，我来评估{programmes}。我会一次问一个问题，只问还可能改变结论的；不清楚的可以点“不知道”跳过。',
    en: 'Let us check {programmes}. I ask one question at a time, only what can still change the result; press “I don’t know” to skip.',
  },
  progress: { zh: '（第{n}问，预计还需约{left}问）', en: '(question {n}; about {left} more expected)' },
  progressLast: { zh: '（第{n}问，快完成了）', en: '(question {n}; nearly done)' },
  unit: { zh: '单位：{unit}', en: 'unit: {unit}' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  dontKnow: { zh: '不知道', en: 'I don’t know' },
  skipped: { zh: '好的，这一项记为“不清楚”。', en: 'Fine, I recorded that as unknown.' },
  notUnderstood: { zh: '抱歉，没能理解这个回答。{expected}', en: 'Sorry, I did not understand that answer. {expected}' },
  expectBoolean: { zh: '请回答“是”或“否”，不清楚可回答“不知道”。', en: 'Please answer yes or no, or “I don’t know”.' },
  expectNumber: { zh: '请填写一个数字{unit}，例如 {example}。', en: 'Please give a number{unit}, e.g. {example}.' },
  expectDate: { zh: '请填写具体日期（年月日），例如 2019年6月1日 或 2019-06-01。', en: 'Please give a full date, e.g. 2019-06-01.' },
  expectChoice: { zh: '请从以下选项中选择：{choices}。', en: 'Please choose one of: {choices}.' },
  expectText: { zh: '请用一句话回答。', en: 'Please answer in a sentence.' },
  partialDate: { zh: '还需要具体到日：请补充月份和日期，例如 {year}年6月1日。', en: 'Please give the month and day too, e.g. {year}-06-01.' },
  invalid: { zh: '这个数值不合理：{reason}', en: 'That value does not fit: {reason}' },
  stuck: {
    zh: '这个问题好像不好回答。您可以跳过它（记为“不清楚”），或者转人工。',
    en: 'This question seems hard to answer. You can skip it (recorded as unknown) or talk to a person.',
  },
  skipButton: { zh: '跳过', en: 'Skip' },
  confirmProposals: { zh: '我从您的话里读到以下信息，请确认：\n{list}\n对吗？', en: 'I read these facts from your message; please confirm:\n{list}\nCorrect?' },
  confirmYes: { zh: '对，就是这样', en: 'Yes, correct' },
  confirmNo: { zh: '不对', en: 'No' },
  proposalsRejected: { zh: '好的，这些信息不采用。', en: 'Fine, I discarded them.' },
  proposalsApplied: { zh: '已记录。', en: 'Recorded.' },
  partialNote: { zh: '（还需补充具体日期）', en: '(the exact date is still needed)' },
  corrected: { zh: '已更正：{list}。我重新按规则评估；如改错了可点“撤销”。', en: 'Corrected: {list}. Re-running the rules; press Undo if that was wrong.' },
  correctionUnclear: {
    zh: '没有改动任何信息：请告诉我要更正哪一项和新的数值，例如“注册时间填错了，是2020年3月1日”或“员工改为150人”。',
    en: 'Nothing was changed: tell me which fact to correct and its new value, e.g. “employees are 150”.',
  },
  correctionWhichYear: { zh: '没有改动任何信息：请说明是哪一年的{fact}，例如“去年{fact}改为2500万”。', en: 'Nothing was changed: which year’s {fact}? e.g. “2025 {fact} is 2500万”.' },
  correctionValueUnclear: { zh: '没有改动任何信息：没能读出{fact}的新数值，请再说一遍，例如“{fact}改为……”。', en: 'Nothing was changed: I could not read the new value of {fact}.' },
  notGiven: { zh: '（未填）', en: '(not given)' },
  undoButton: { zh: '撤销', en: 'Undo' },
  undone: { zh: '已撤销，恢复为：{list}。', en: 'Undone; restored: {list}.' },
  nothingToUndo: { zh: '没有可以撤销的更正。', en: 'There is no correction to undo.' },
  recordedNone: { zh: '好的，记为 {value}（没有）。', en: 'Recorded as {value} (none).' },
  rangeEnough: { zh: '按 {low}–{high} 之间任一数值结论都一样，记为 {value}。', en: 'Any figure from {low} to {high} gives the same result; recorded {value}.' },
  rangeNeedsFigure: { zh: '在 {low}–{high} 之间结论可能不同，请给出一个具体数字（估计数也可以）。', en: 'Between {low} and {high} the result may differ: please give one figure (an estimate will do).' },
  monthEnough: { zh: '好的，{year}年{month}月即可判断，具体哪天不影响结论。', en: 'The month is enough; the day does not change the result.' },
  yearEnough: { zh: '好的，{year}年即可判断，具体日期不影响结论。', en: 'The year is enough; the exact date does not change the result.' },
  askVague: { zh: '这个说法范围太宽了，请给一个大概的具体数。', en: 'That is too loose: please give an approximate figure. ' },
  askWhich: { zh: '您提到了几个数，请告诉我按哪一个算。', en: 'You gave several figures: which one counts? ' },
  askShare: { zh: '这里需要具体数额，不是比例。', en: 'This needs the figure itself, not a share. ' },
  askPartTime: { zh: '全年工作183天以上的兼职、临时人员也算在内，请告诉我合计人数。', en: 'Part-time and temporary staff working 183+ days a year count: please give the total. ' },
  askNotRegistered: { zh: '尚未注册的企业可以先按“市外”或计划注册日期评估；如已注册，请给出营业执照上的成立日期。', en: 'If not yet registered, use the planned date; otherwise the date on the business licence. ' },
  askAmbiguousDate: { zh: '这个日期可以有几种读法，请写成“2023年11月2日”这样的格式。', en: 'That date can be read several ways: please write it like 2023-11-02. ' },
  askUnit: { zh: '这个数很大，请带上单位（元或万元），例如“5600万”。', en: 'That is a large figure: please add its unit, e.g. 5600万. ' },
  askFraction: { zh: '请用百分数回答，例如 65%。', en: 'Please answer as a percentage, e.g. 65%. ' },
  askYear: { zh: '您说的年份和问的不是同一年，请给出问题里那一年的数。', en: 'That figure is for another year than the one asked. ' },
  askWhichRegion: { zh: '请说明是哪个板块的开发区或园区。', en: 'Which district’s development zone or park? ' },
  noFacts: { zh: '目前还没有记录任何企业信息。', en: 'No facts recorded yet.' },
  yourFacts: { zh: '已记录的企业信息：\n{list}', en: 'Facts recorded so far:\n{list}' },
  forgetAsk: {
    zh: '确定要删除您在本服务中的全部会话、企业信息和对话记录吗？删除后无法恢复。',
    en: 'Delete all your sessions, facts and transcripts here? This cannot be undone.',
  },
  forgetYes: { zh: '确定删除', en: 'Delete' },
  forgetNo: { zh: '取消', en: 'Cancel' },
  forgotten: { zh: '已删除您的全部会话、企业信息和对话记录。', en: 'All your sessions, facts and transcripts are deleted.' },
  forgetCancelled: { zh: '已取消，信息保持不变。', en: 'Cancelled; nothing was deleted.' },
  restarted: { zh: '已重新开始，之前填写的信息已清空。', en: 'Started over; the facts given before are cleared.' },
  restartAsk: { zh: '重新评估会清空已填的 {n} 项企业信息，确定吗？（只想改某一项，可以直接说“员工改为150人”。）', en: 'Starting over clears the {n} facts given so far. Sure? (To change one, just say so.)' },
  restartYes: { zh: '确定清空', en: 'Clear them' },
  restartNo: { zh: '保留信息', en: 'Keep them' },
  restartCancelled: { zh: '好的，信息都保留着。', en: 'Fine, everything is kept.' },
  human: {
    zh: '好的，我已为您转人工，工单号：{ticket}。工作人员会在{within}回复，回复会发到这个对话里。',
    en: 'I have handed you to a person: ticket {ticket}. Staff reply {within}, here in this conversation.',
  },
  staffSoon: { zh: '工作时间内', en: 'during working hours' },
  humanNoDesk: {
    zh: '人工服务暂未接入本渠道。您可以联系文件中列明的责任部门；如需查找部门，请描述问题，我会告诉您该找谁。',
    en: 'Staff are not connected to this channel yet. Describe your question and I will tell you which department handles it.',
  },
  back: { zh: '回到刚才的问题：', en: 'Back to the question:' },
  uncovered: {
    zh: '现有政策文件中没有找到能回答这个问题的条款，我不作推测。您可以换个问法、评估企业资格，或转人工。',
    en: 'The policy documents I hold do not answer this, and I will not guess. Rephrase it, check eligibility, or talk to a person.',
  },
  related: {
    zh: '现有政策文件中没有找到明确回答这个问题的条款，我不作推测。下面引用的条款与问题有关，但不能确定回答了它，仅供参考；如需确切答复，请转人工。',
    en: 'The policy documents I hold do not clearly answer this, and I will not guess. The clauses quoted below are related but may not answer it; for a definite answer, talk to a person.',
  },
  verdictIntro: { zh: '评估结果（评估日 {asOf}，依据现行文本原文判断）：', en: 'Result (as of {asOf}, judged on the texts as written):' },
  eligible: { zh: '符合', en: 'qualifies' },
  ineligible: { zh: '不符合', en: 'does not qualify' },
  undetermined: { zh: '尚不能确定', en: 'not yet decided' },
  stillNeeded: { zh: '您还可以告诉我：{list}', en: 'You can still tell me: {list}' },
  atRisk: { zh: '尚待核实，按已知数字有风险', en: 'not settled yet, at risk on the figures known' },
  restNeeded: {
    zh: '{programme}的其余条件还需以下信息才能判断：{list}。要不要继续核对其他条件？',
    en: 'To judge the other conditions of {programme} I still need: {list}. Shall we go on checking the other conditions?',
  },
  andMore: { zh: '等{n}项', en: ' ({n} in all)' },
  // typed without a programme ("继续核对其他条件"), the label presses it for every programme offered
  continueButton: { zh: '继续核对{programme}其他条件', en: 'Check the other conditions of {programme}' },
  continueStart: {
    zh: '好的，{programmes}的结论不会因此改变；我继续核对其余条件，让您看到全部差距。',
    en: 'Fine. The result for {programmes} stays as it is; I will check the other conditions so you see every gap.',
  },
  continueNothing: {
    zh: '没有需要继续核对的条件了：已核对的结论和差距见上面的评估结果。',
    en: 'There is nothing left to check: the result above has every condition that could be judged.',
  },
  restartButton: { zh: '重新评估', en: 'Start over' },
  showFacts: { zh: '查看已填信息', en: 'Show my facts' },
} as const;

export type TextKey = keyof typeof TEXTS;

export function say(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Names in a sentence: 甲、乙、丙 in Chinese; "A, B and C" in English. */
export function listed(lang: Lang, names: readonly string[]): string {
  if (lang === 'zh' || names.length < 2) return names.join('、');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** English when the user writes English (Latin letters and no Chinese); otherwise Chinese. */
export function languageOf(text: string): Lang | null {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 2 ? 'en' : null;
}
