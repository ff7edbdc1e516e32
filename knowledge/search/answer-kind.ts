/**
 * What kind of answer a question asks for, where the kind can be seen in a clause's text. "启东东疆科技计划攻关项目
 * 每个补助多少钱" is about a clause that is in the corpus, but asks for an amount that clause does not give: it is
 * answered only by a clause that states an amount. Decisive kinds are checked on the best clause before a question
 * is called covered, so "the nearest clause" is never passed off as the figure asked for; every kind ranks.
 */
export interface AnswerKind {
  name: 'amount' | 'award' | 'grant' | 'issued' | 'procedure' | 'benefit rate' | 'fund size' | 'count of enterprises' | 'count' | 'contact' | 'person' | 'rate' | 'papers' | 'outcome' | 'web' | 'address' | 'fee' | 'cap' | 'hours' | 'day' | 'month';
  /** whether a clause's text can give this kind of answer */
  holds(text: string): boolean;
  /**
   * Whether a best clause without it leaves the question unanswered. A count in 个/项 is often in a table cell
   * whose unit only the header gives, so that kind ranks clauses but never decides coverage.
   */
  decisive: boolean;
}

const NUM = '(?:\\d[\\d.,]*|[一二两三四五六七八九十百千]+)';
const MONEY = new RegExp(`${NUM}\\s*(?:万|亿)?元|${NUM}\\s*(?:万|亿)(?![\\p{Script=Han}]*(?:人|家|项|个|件|名))`, 'u');
const FIRMS = new RegExp(`${NUM}\\s*(?:余)?家`, 'u');
const FIRM_COLUMN = /列：[^｜]*(?:企|家)[^、｜]*数/u;
const PHONE = /\d{3,4}-?\d{7,8}|\d{11}|电话|热线/u;
const POSTS = '主任|镇长|局长|区长|市长|县长|书记|主席|经理|董事长|负责人|组长|副组长|处长|科长';

const RATE = /\d+(?:\.\d+)?\s*[%％]|百分之|\d+(?:\.\d+)?倍|[一二三四五六七八九十]成|减半|全额/u;
const PAPERS = /(?:申报|申请|证明|相关|以下|书面)材料|材料清单|提交|申请书|证明|报告|报表|复印件|清单/u;
const REPORTED = /目前|已经|已有|累计|截至|截止|现有|共有|已(?:认定|建成|招引|培育|集聚|引进|获批|签约)/u;
/**
 * Where to go online: a URL, a named site or platform (高新技术企业认定管理工作网, 全国科技型中小企业信息服务平台), a platform
 * one files on. Not a system named in passing (已在工商信息系统备案, 进平台宣讲).
 */
const WHERE_ONLINE = /www\.|https?:|\p{Script=Han}{2}(?:工作网|服务网|网站)|网址|\p{Script=Han}{2}(?:服务|管理|申报|公共|交易)(?:平台|系统)|(?:系统|平台)上?(?:申报|填报|提交|登录|注册|报名)/u;
const STREET_ADDRESS = /路\d+号|\d+号楼|地址[:：]/u;

/** a maximum stated: 最高, 不超过, (≤6分), 满分, 原则上只可…1次 */
const CAP = /最多|最高|至多|上限|封顶|顶格|不超过|不高于|不得超过|以内|以下|满分|≤|原则上/u;
const HOURS = /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*(?:点|时)半?\s*(?:至|到|-|—)|上午|下午|工作日/u;

/** A day of the month (11月15日, 十二月三十一日, 每月10号前), a part of a month (上旬, 月底) or a document's own day (印发之日起). */
const DAY = /\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]|\d{1,2}\s*日|上旬|中旬|下旬|月底|月初|月末|月中|之日/u;
/** A month or a part of the year: 9月上旬, 十二月, 每季度, 上半年, 年底. */
const MONTH = /\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|季度|上半年|下半年|年底|年初|年末|年中/u;

const APPOINTS = new RegExp(`由[^，。；]{1,24}(?:任|担任)(?:${POSTS})|以[^，。；]{1,24}为(?:${POSTS})`, 'u');

const GRANT = '奖励|奖补|补助|补贴|资助|奖金|扶持|经费|兑现|给予|支持|贴息';
// 补多少 and 给到多少 ask a sum, except of a tax benefit, given as a rate (减按15%的税率, 100%加计扣除): 所得税能给到多少
// asks the rate, which the rate kinds and the model judge
const AWARD_ASKED = new RegExp(
  `(?:奖|补助|补贴|资助|奖补|扶持|贴息|(?<!(?:税|扣除|加计)[^，,。；？?]{0,8})(?:补(?!缴|交|办|充|报|录|发|齐|税)|给到?)|(?:能|可以?)领|领(?:取|到))(?:(?!比例|率|分)[^，。；？?]){0,4}?(?:多少|几万|几十万)(?!分|个|家|项|人|名|%|比例)(?![^，。；？?]{0,6}(?:以上|才|能认定|能算|算))` +
    `|(?:多少|几万|几十万)[^，。；？?]{0,4}(?:${GRANT})(?![^，。；？?]{0,6}(?:以上|才|能认定|能算))`,
  'u',
);
/** A condition's sum: 超30万元, 不少于100万元, 5,000万元至2亿元, 500万元以上. */
const THRESHOLD_BEFORE = /(?:超|超过|不少于|不低于|不超过|低于|高于|小于|大于|达到|达|在|至|满)\s*$/u;
const THRESHOLD_AFTER = /^\s*(?:以上|以下|以内|（含）|\(含\)|至|-)/u;
const GRANT_NEAR = new RegExp(GRANT, 'u');
/** A reward proper: what 有奖励吗 asks for; 支持 and 扶持 are said of any policy. */
const REWARD = /奖励|奖补|补助|补贴|资助|奖金|贴息|兑现|给予/u;
/** A grant the asker must already have had, as a condition: 获评资助总额超30万元, 获得补助不少于…. */
const CONDITION_SUM = /(?:获评|获得|获)(?:奖励|补助|补贴|资助)(?:总额|金额)?(?:超过?|达到?|不少于|不低于)/gu;
/** A reward praised, not granted: 用丰厚的奖励、一流的服务吸引 promises no reward to any case. */
const REWARD_PRAISED = /(?:丰厚|优厚|可观|诱人|有力|有吸引力)的(?:奖励|奖补|补助|补贴|资助|奖金)/gu;
/** 有奖励吗, 有没有区级补贴, 有什么补助没: whether a benefit is given at all, not how much. */
const GRANT_ASKED = /有没有[^，,。；？?]{0,4}?(?:奖励|奖补|补贴|补助|资助)|有(?!没)[^，,。；？?]{0,4}?(?:奖励|奖补|补贴|补助|资助)(?:吗|没|么|不)/u;
/**
 * What a procedure's clause says: its steps, where and to whom one files (高新技术企业认定程序如下, 向认定机构提出认定申请,
 * 到服务平台填报). A clause that only names the scheme, the certificate or the office does not say how to apply; nor
 * does one offering a 全流程服务.
 */
const STEPS = /程序|(?<!全)流程|步骤|提交|报送|填报|登录|注册登记|向[^，。；]{1,16}(?:提出|提交|报送|申请|报告)|自主评价/u;
/**
 * A policy said to be out: 已出台, 出台后, 印发了, 正式实施, 自…起施行, or the notice issuing it (关于修订印发《…》的通知).
 * A plan to issue one (加快出台) is not.
 */
const ISSUED = /已(?:经)?(?:出台|印发|发布|公布|实施)|(?:出台|印发|发布|公布)(?:后|了|以来)|正式(?:出台|印发|发布|实施|施行)|施行|起实施|印发《/u;
/** How near (in characters) a sum must be to the word that grants it (兑现45万元奖励, 奖励…50万元). */
const GRANT_REACH = 10;

/** Every sum in a text (matchAll copies it, so the one pattern serves every call) */
const SUMS = new RegExp(MONEY.source, 'gu');

/** Whether a text grants a sum: an amount of money beside a word of granting, not a threshold of a condition. */
function grantsSum(text: string): boolean {
  for (const m of text.matchAll(SUMS)) {
    const before = text.slice(Math.max(0, m.index - GRANT_REACH), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + GRANT_REACH);
    if (THRESHOLD_BEFORE.test(before.replace(/[近约]$/u, '')) || THRESHOLD_AFTER.test(after)) continue;
    if (GRANT_NEAR.test(before) || GRANT_NEAR.test(after)) return true;
  }
  return false;
}

/** Benefits given at a rate: subsidised interest, loans, guarantees, rewards by share. */
const BENEFIT = '贴息|贷款|担保|奖补|补贴|补助|资助';
/** How near (in characters) a rate must be to the benefit's word to be its rate. */
const RATE_REACH = 24;

const BENEFITS = new RegExp(BENEFIT, 'gu');

const FUND = /基金|资金|经费/gu;
/** How near (in characters) a sum must be to the fund's word to be its size. */
const FUND_REACH = 16;

/** Whether some word of `words` (a global pattern) has `what` within `reach` characters of it, on either side. */
function besideWord(text: string, words: RegExp, what: RegExp, reach: number): boolean {
  for (const m of text.matchAll(words)) {
    if (what.test(text.slice(Math.max(0, m.index - reach), m.index + m[0].length + reach))) return true;
  }
  return false;
}

/** 税率是多少, 按什么比例, 百分之几: a rate asked outright. */
const RATE_ASKED = /(?:比例|费率|利率|税率|贴息率|占比)(?:是|为|要求|要|需要|有|大概|得)?(?:多少|几)|(?:按|是)(?:什么|多少|啥)比例|多少比例|百分之(?:几|多少)|(?:几|多少)个点/u;
/** 比例是不是百分之七十, 按15%交吗: a rate the asker names. */
const RATE_PUT_FORWARD = /(?:比例|费率|利率|税率|占比|按)[^，,。；？?]{0,6}?(?:百分之|\d+(?:\.\d+)?\s*[%％])/u;
/** 当年能不能, 从哪年起, 什么时候开始: when something applies. */
const WHEN_ASKED = /当年|哪一?年|什么时候|啥时候|何时|从几月|几月份?起/u;

const KINDS: Array<{ asks: { test(question: string): boolean } } & AnswerKind> = [
  {
    name: 'amount',
    // 多少钱, 补助多少, 最高能贷多少, 多少万元, 奖励标准, 营收多少 — an amount of money, not a share or a count
    asks: /多少(?:万|亿)?(?:元|钱|块|资金|经费|补贴|补助|奖励|资助|奖金)|(?:补贴|补助|奖励|资助|奖补|贴息|贷款?|能贷|拿到|给)(?:是|有|为|一共|共)?多少(?!家|个|项|名|人|分|%|比例)|(?:经费|预算|资金|总投资|投资额)[^，。？?]{0,3}多少|(?:营收|营业收入|销售收入|销售额|研发投入|利润|产值|授信|融资|投资)(?:是|有|要|需要|达到|得)?多少(?!家|个|项|名|人|分|%|比例)|多少(?:万|亿)?\p{Script=Han}{0,2}费|(?:规模|资金总额|总额)(?:是|有|为)?多(?:少|大)|金额|额度|奖励标准|补贴标准|资助标准/u,
    holds: (t) => MONEY.test(t),
    decisive: true,
  },
  // 奖多少, 能拿多少奖励, 补助具体多少万, 一年能领多少: the sum a scheme grants. A sum inside a condition (资助总额超30万元,
  // 不少于100万元) is a threshold, and 给予奖励 / 一事一议 grant no sum: neither answers. Asking for a threshold
  // (资助多少钱以上才算) is the amount kind alone.
  { name: 'award', asks: AWARD_ASKED, holds: (t) => grantsSum(t), decisive: true },
  // 有奖励吗: a clause that grants (给予奖励, 补助, 资助) answers; one that only sets a target for the thing (科技型中小企业入库
  // 评价600家) or names it says nothing of a reward, nor does 政策支持 alone, nor a sum a condition asks the asker to
  // have had (获评资助总额超30万元的), nor a reward praised to attract (用丰厚的奖励…吸引)
  { name: 'grant', asks: GRANT_ASKED, holds: (t) => REWARD.test(t.replace(CONDITION_SUM, '').replace(REWARD_PRAISED, '')), decisive: true },
  // 出台了吗, 发布了没有: a clause reporting the policy out answers; a plan's 加快出台 says it is not yet. 算得出来吗 asks
  // whether one can work it out, and 刚出台没多久 says when, not whether
  { name: 'issued', asks: /(?:出台|发布|印发|公布|(?<![得不])出来|批下来)了?(?:吗|么|没(?![多几]))|(?:出台|发布|印发|公布)了没有/u, holds: (t) => ISSUED.test(t) || REPORTED.test(t), decisive: true },
  // a table row gives the count in a column whose header names it (列：…、其中高企招引数) without the unit
  // 投了几家早期公司，… says "a few" of what was done, a statement the question goes on from, not a count asked
  // 牵头单位是哪几家 asks which offices, not how many firms: 哪几家 after 单位/部门 asks who
  { name: 'count of enterprises', asks: /多少家|(?<!了|(?:单位|部门|机关|机构)[^，,。；;？?]{0,3}哪)几家|了几家(?![^，,。；;？?]*[，,；;][^，,。；;？?]{2})/u, holds: (t) => FIRMS.test(t) || (FIRM_COLUMN.test(t) && /\t\d/u.test(t)), decisive: true },
  { name: 'contact', asks: /电话|联系方式|热线|手机号|邮箱/u, holds: (t) => PHONE.test(t), decisive: true },
  // who holds a post is answered by a roster line (组长：…), which the caller recognises
  // or by a sentence that appoints one ("由区人民政府区长任组长", "成立以区政府分管领导为组长…")
  { name: 'person', asks: new RegExp(`(?:${POSTS})(?:是谁|叫什么|是哪位|由谁)|谁(?:任|担任|当)(?:${POSTS})`, 'u'), holds: (t) => APPOINTS.test(t), decisive: true },
  // a rate or share: 多少比例, 利率是多少 — answered by a clause that states one, not by one naming the scheme
  // so is a rate the asker puts forward to check (比例是不是百分之七十, 按投资额百分之七十吗): "一定比例" does not state it;
  // but a question asking WHEN (当年能不能按15%交税, 从哪年起按15%) takes the rate as known and asks the time
  { name: 'rate', asks: { test: (q) => RATE_ASKED.test(q) || (RATE_PUT_FORWARD.test(q) && !WHEN_ASKED.test(q)) }, holds: (t) => RATE.test(t), decisive: true },
  // 贴息比例, 贷款利率, 奖补按多少比例, 能贴几个点: the rate a benefit is given at. A clause naming the benefit while its
  // only share is another (产值占比达60%) does not state it; the rate must stand beside the benefit's word
  { name: 'benefit rate', asks: new RegExp(`(?:${BENEFIT})[^，,。；？?]{0,6}?(?:比例|利率|费率|(?:几|多少)个点|百分之几)`, 'u'), holds: (t) => besideWord(t, BENEFITS, RATE, RATE_REACH), decisive: true },
  // 基金规模多大, 每年资金总额, 专项资金池有多少: the size of a fund, stated beside the fund (出资5000万元设立专项资金池),
  // never a sum the clause gives of something else (贷款余额超8.5亿元)
  { name: 'fund size', asks: /(?:基金|资金|资金池|经费)[^，,。；？?]{0,3}?(?:规模|总额|盘子)|(?:基金|资金池)[^，,。；？?]{0,4}多少/u, holds: (t) => besideWord(t, FUND, MONEY, FUND_REACH), decisive: true },
  // the papers to hand in: only a clause that lists papers (申请书, 证明, 报告 …) answers, not one about the scheme
  // …方向具体指哪些材料, 包括哪些材料 asks which materials a sector means, not the papers
  { name: 'papers', asks: /(?<!指|包括|包含|涵盖|属于)(?:哪些|什么|准备|提交|交)(?:申报|申请)?材料|材料清单/u, holds: (t) => PAPERS.test(t), decisive: true },
  // what was achieved: the plans set targets, a target is not the outcome; only a clause reporting the state does
  // …了多少 of an event (签约了多少项目, 引进了多少个) asks what came of it, which a plan's row does not say;
  // so do 实际多少人, 通过率, 入选了多少: a target or a measure is not a result
  // 现在有多少家 asks how many there are by now; 现在有几个领域 / 几类 asks how a scheme is divided, which its own text states
  { name: 'outcome', asks: /实际(?:上)?(?:完成|入选|认定|招|引进|落地|新增|有)?了?(?:多少|几)|通过率|成功率|入选了(?:多少|几)|获批了(?:多少|几)|实际完成|最后完成|最终(?:完成|招|认定)|完成情况|完成了吗|实际(?:新)?认定了|实际招|(?:签约|签|引进|招引|招来|落地|认定|培育|新增|净增|完成)了(?:多少|几)|(?<!(?:领域|类别|种类|指标)[^，,。；？?]{0,8})(?:现在|目前|当前|最新)(?:一共|总共|共)?有(?:多少|几)(?!个?(?:领域|大类|类|种|方面|条|档|级|批))/u, holds: (t) => REPORTED.test(t), decisive: true },
  // 哪个平台 asks where online, unless the platform is the one who acts (由哪个平台负责/统筹/牵头, 靠哪个平台): that asks who
  { name: 'web', asks: /哪个网站|什么网站|网址|哪个(?:网上)?系统|(?<!靠|依托|通过)哪个平台(?![^，。？?]{0,4}(?:负责|牵头|统筹|承担|主导|组织|管))/u, holds: (t) => WHERE_ONLINE.test(t), decisive: true },
  // a street address: a clause naming the park or the office is not its address
  { name: 'address', asks: /具体地址|办公地址|地址在|地址是/u, holds: (t) => STREET_ADDRESS.test(t), decisive: true },
  // 最多能领多少, 最高贴多少, 上限是多少: a clause stating the scheme's figures but no maximum does not give the cap
  { name: 'cap', asks: /(?:最多|最高|至多|封顶|顶格)[^，。；？?]{0,8}(?:多少|几)|(?:多少|几)[^，。；？?]{0,6}(?:封顶|上限)|上限(?:是|为|有)?(?:多少|几)/u, holds: (t) => CAP.test(t), decisive: true },
  // office hours: no text states them; a clause that merely names the office does not answer
  { name: 'hours', asks: /办公时间|上班时间|工作时间|营业时间|几点(?:到|至|上班|下班|开门|关门)/u, holds: (t) => HOURS.test(t), decisive: true },
  // 截止到几号, 11月几号开, 哪天印发的: a day of the month, which a clause giving the month alone (2023年11月) or a
  // season (每季度) does not state; 从印发之日起 states it by the document's own date
  { name: 'day', asks: /几号(?!窗|楼)|哪一?天|几月几[号日]|具体日期|(?:哪|几)日(?!期)/u, holds: (t) => DAY.test(t), decisive: true },
  // 几月份开始申报, 哪个月: a month, which a clause naming the scheme without its calendar does not state
  { name: 'month', asks: /几月(?!几)|哪个月|哪几个月/u, holds: (t) => MONTH.test(t), decisive: true },
  { name: 'fee', asks: /申请费|手续费|收费|交多少钱|费用是多少/u, holds: (t) => MONEY.test(t) || /免费|不收|收取/u.test(t), decisive: true },
];

/**
 * 怎么申请, 如何补办, 怎么领, 怎么兑换: the steps of doing it, which the texts give for 高企 and 科小 alone ("怎么办", what
 * to do, is not asked here). An act other than applying (补办, 领取, 兑换) must be the clause's own: 第十七条's 向认定机构
 * 报告 is a procedure, but not the one for a lost certificate.
 */
const PROCEDURE = /(?:怎么|如何|怎样|咋)(?:样|去|来)?(补办|补发|兑换|兑现|领取|领|报名|注册|申请|申报|办理|登记)/u;
const APPLYING = new Set(['申请', '申报', '办理', '登记']);
/** 领 alone is in 领域 and 领导 too: a clause gives the act of collecting only as 领取 */
const ACT_WORD: Record<string, string> = { 领: '领取' };
/** 免申即享, 免予层层申报: a sum paid without applying says how to get it, which is to do nothing */
const WITHOUT_APPLYING = /免申|免予(?:层层)?申报|直接兑现/u;

/** Where the question asks whether a reward is given at all (有奖励吗); null when it does not. */
export function grantAskedAt(question: string): number | null {
  return GRANT_ASKED.exec(question)?.index ?? null;
}

/** The act of a procedure the question asks (申报 of 怎么申报) and where the ask begins; null when none is asked. */
export function procedureAsked(question: string): { act: string; at: number } | null {
  const m = PROCEDURE.exec(question);
  return m ? { act: m[1]!, at: m.index } : null;
}

/** 多少个 / 几项 / 多少名: a count in that unit (家 is a kind of its own above) */
const COUNT = /(?:多少|几)(个|项|名|人|件|所|次|批)/u;

/** The kinds of answer a question asks for (usually none). */
export function answerKindsOf(question: string): AnswerKind[] {
  const kinds: AnswerKind[] = KINDS.filter((k) => k.asks.test(question));
  const act = procedureAsked(question)?.act;
  if (act) kinds.push({ name: 'procedure', holds: (t) => WITHOUT_APPLYING.test(t) || (STEPS.test(t) && (APPLYING.has(act) || t.includes(ACT_WORD[act] ?? act))), decisive: true });
  const unit = COUNT.exec(question)?.[1];
  if (unit && !kinds.some((k) => k.name === 'amount')) {
    const count = new RegExp(`${NUM}\\s*(?:余|多)?${unit}`, 'u');
    kinds.push({ name: 'count', holds: (t) => count.test(t), decisive: false });
  }
  return kinds;
}
