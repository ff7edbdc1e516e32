/**
 * What a question's phrasing says the answering clause will look like, where many clauses share its words: "高企有
 * 什么好处" is answered by the clause that grants something, "什么是科小" by the one that defines the term, "已经认定了
 * 多少个" by the one that reports the state so far. Unlike the answer kinds (knowledge/search/answer-kind.ts) a cue
 * only ranks: a clause without it may still answer.
 */
export interface AnswerCue {
  name: 'benefit' | 'definition' | 'state so far' | 'span' | 'date' | 'members' | 'responsible' | 'meeting' | 'bound';
  asks: RegExp;
  /** tested on the clause's own text */
  holds: RegExp;
  /** the ranking weight (knowledge/search/weights.ts) a clause holding the cue is raised by */
  weight: CueWeight;
}

/** The weights cues raise a clause by, in the order they apply: each once, however many of its cues the clause holds. */
export const CUE_WEIGHTS = ['givesAnswerKind', 'namesResponsible', 'givesDate'] as const;
export type CueWeight = (typeof CUE_WEIGHTS)[number];

export const ANSWER_CUES: readonly AnswerCue[] = [
  {
    // 享受…优惠, 减按15%, 优先支持, 给予奖励 — many clauses name a scheme and its 优惠 in passing
    name: 'benefit',
    asks: /好处|甜头|有啥用|有什么用|(?:能|可以)享受(?:什么|哪些|啥)|(?:什么|哪些|啥)优惠|(?:有|给)(?:什么|哪些|啥)(?:政策|支持|待遇)/u,
    holds: /享受[^。；]{0,24}(?:优惠|政策|待遇)|减按|减半|免征|免税|优先(?:支持|推荐|保障|安排)|给予[^。；]{0,20}(?:奖励|补助|支持|资助|补贴)/u,
    weight: 'givesAnswerKind',
  },
  {
    // 本办法所称…是指
    name: 'definition',
    asks: /什么是|啥是|什么叫|啥叫|是什么意思|什么意思|怎么定义|如何定义|定义是|指的是什么|是指什么|指什么|怎么界定|如何界定/u,
    holds: /所称|是指|指的是|系指|定义为/u,
    weight: 'givesAnswerKind',
  },
  {
    // "已经认定了多少个": a report of what has been done (已认定…570个), not a plan's target
    name: 'state so far',
    asks: /(?:已经|目前|至今|迄今|截至目前|累计|一共|总共)[^，。？?]{0,12}(?:多少|几)/u,
    holds: /目前|已经|已有|累计|截至|截止|现有|共有|已(?:认定|建成|招引|培育|集聚|引进|获批)/u,
    weight: 'givesAnswerKind',
  },
  {
    // 公示几天, 多久审完, 有效期几年: a clause stating a span of time (10个工作日, 三年)
    name: 'span',
    asks: /几天|多少天|几个工作日|多少个工作日|多久|多长时间|几个月|几年(?!级)/u,
    holds: /(?<![\d.,])(?:\d{1,3}|[一二两三四五六七八九十]+)\s*(?:个)?(?:工作日|自然日|天|日内|个月|周|年(?![度底初]))/u,
    weight: 'givesAnswerKind',
  },
  {
    // 几月份前要报, 什么时候建成, 哪天开始: a clause stating a month or a day (每年5月底前, 2025年12月, 自2023年1月1日起)
    name: 'date',
    asks: /什么时候|啥时候|何时|哪天|哪一天|几月|哪个月|截止(?:日期|时间)|最晚|最迟/u,
    holds: /\d{4}\s*年\s*\d{1,2}\s*月|(?<![\d.])\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬|前)/u,
    weight: 'givesDate',
  },
  {
    // 看哪几个方面, 包括哪些: a clause listing three or more members (知识产权、科技成果转化能力、…等四项指标)
    name: 'members',
    asks: /哪几(?:个|项|方面|类|种|部分)|哪些方面|包括哪些|包含哪些|有哪几/u,
    holds: /(?:[^、，。；]{2,24}、){2,}[^、，。；]{2,24}/u,
    weight: 'givesAnswerKind',
  },
  {
    // 哪个部门牵头, 谁负责: the sentence giving an office the charge (市科技局负责统筹推进…), not each task-table row
    // that names an office in a cell of its own
    name: 'responsible',
    asks: /(?:哪个|哪些|什么|哪家)(?:部门|单位|机构)|牵头|谁(?:来)?(?:负责|管|统筹|主管)|由谁/u,
    holds: /(?:局|委员会|办公室|政府|部门|中心|管委会|领导小组)(?:[^。；，,\t]{0,4})(?:负责|牵头|统筹|组织实施)/u,
    weight: 'namesResponsible',
  },
  {
    // 会一年开几回, 例会几月份开: the clause stating when a body meets (定期会议一般每年两次, 每年9月上旬…召开一次),
    // not the ones setting the body up or naming its members
    name: 'meeting',
    asks: /(?:例会|会议|开会|的会)[^，。？?]{0,8}(?:几回|几次|多少次|啥时候|什么时候|何时|几月|多久)|开几(?:回|次)|(?:几月份?|啥时候|什么时候|多久)(?:开|召开)/u,
    holds: /召开|会议[^。；]{0,12}每(?:年|季|月|半年)|每(?:年|季|月|半年)[^。；]{0,12}会议/u,
    weight: 'givesAnswerKind',
  },
  {
    // 比例最低多少, 营业收入有上限吗: the clause setting the bound (不低于10%, 不超过2亿元), not the ones only naming
    // the measure (科技人员情况说明材料, 按研发费用占销售收入的比例分档评价)
    name: 'bound',
    asks: /上限|下限|最低|最少|至少|起码|封顶|不能超过|不超过|不低于/u,
    holds: /不低于|不少于|不超过|不高于|不得(?:超过|低于|少于|高于)|至少|上限|封顶/u,
    weight: 'givesAnswerKind',
  },
];

/** The cues a question's phrasing gives. */
export function cuesOf(question: string): AnswerCue[] {
  return ANSWER_CUES.filter((c) => c.asks.test(question));
}
