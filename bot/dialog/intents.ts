import { REGISTRY, type ProgrammeRegistry } from '../../rules/programmes/index.js';
import { CORRECTION_WORDS } from '../understand/corrections.js';

export type Intent =
  | { kind: 'restart' }
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'facts' }
  | { kind: 'forget' }
  | { kind: 'human' }
  | { kind: 'undo' }
  | { kind: 'check'; programmes: string[] }
  | { kind: 'correction' }
  | { kind: 'helpdesk' }
  | { kind: 'question' }
  | { kind: 'other' };

const HELP = /要回答多少|还有多少(个)?问题|还要问多少|^\/start\b|^\/help\b|^(帮助|help|菜单|功能介绍|使用指南|怎么用|怎么操作)[。？?!！]*$|你(都)?能(做|干)(什么|啥)|能帮我做什么|有什么功能|能问(些)?什么|怎么问你|该怎么问|不会用|教教我|使用指南|这个怎么操作|怎么查政策条款|what can you do/iu;
const GREETING = /^(你好|您好|嗨|hi|hello|hey|在吗|在不在|早|早上好|上午好|中午好|下午好|晚上好|老师好|哈喽)[啊呀，,。！!\s]*(请问)?(在吗)?[？?。！!]*$/iu;
const RESTART = /^\/reset\b|^(重新开始|重来|从头开始|重置|restart|start over)(吧|一遍|一次)?[。！!]*$|重新(开始)?评估|推倒重来|清零重来|清空(重新|从头)|从头(再|来|开始)|重来一遍|从第一题开始|全部推翻|之前的不算/iu;
const FORGET = /^\/forget\b|忘记我|删除我的|删掉我的|删除(数据|个人信息|我们)|(信息|资料|数据|记录)(全部|都)?(删除|删了|清除)|把.{0,12}(删了|删除|清除)|别(保存|记)|不要保存|不想你们留|forget me/iu;
const HUMAN = /人工|真人|客服|工作人员|换人|跟人说话|跟人聊|机器人聊|懂政策的人|老师(直接)?(打电话|联系)|转给.{0,8}老师|留个?电话|联系方式|\bhuman\b|\bagent\b/iu;
const UNDO = /^(撤销|撤回|撤销更正|撤销修改|撤回刚才的修改|undo)[。！!]*$/iu;
const FIRST_PERSON = /我们|我司|本公司|我公司|咱们|我家|我这|我的企业|我企业|帮我|给我|帮忙|我要|我想|想|\bwe\b|\bour\b|\bmy\b|\bi\b/iu;
const CHECK_WORDS = /能不能|能否|是否|可不可以|可以|能|够不够|够格|符合|满足|评估|测评|自测|自评|诊断|测一测|测测|测一下|评评|评一下|评下|看看|看下|算算|算不算|达不达|申|报|评|qualify|eligib|check/iu;
/** what a check is about besides a programme's own words, which count as well (see classify) */
const CHECK_TOPIC = /认定|申报|入库|评价|资格|资质|条件|标准|高新|eligib|qualif/iu;
const CHECK_ALONE = /^(开始)?(评估|测评|资格评估|诊断|预诊断|自测|自评)(一下|下|吧)?[。！!]*$|^(我想|我要|想|帮我|我们想|帮忙)(做个?)?(评估|测评|自测|诊断)(一下|下)?(吧)?[。！!]*$|^(开始评估|我要评估|帮我评估|评估我能认定什么|帮我(们)?(公司)?做个?(资格)?评估)|帮我评估|能认定(哪些|什么)|能拿(哪些|什么)|能评啥|可以申请的/u;
const HELPDESK = /哪个部门|哪个单位|哪个科室|谁负责|归谁管|归哪个|找谁|找哪个|问哪个|交给谁|谁制定|哪个部门制定|去哪里?办|在哪里?办|哪里办理|谁审核|哪个部门审核|税务局还是|是找.{1,8}局吗|which department|who handles/iu;
const QUESTION = /[？?]|吗$|吗[。！!]?$|^(请问|什么|怎么|如何|哪些|哪个|多少|为什么|是否|有没有)|什么|怎么|如何|哪些|多少|几[个项家年次类]|哪年|是啥|有啥|要啥|主攻|方向|是真的|要求|条件|定义|意思|包括|上限|限制|比例|占比要|有效期|奖励|优惠|补贴|扶持|政策|条款|申报时间|截止|什么时候|流程|材料清单|what|how|which|when/iu;

const ASKS = /什么|哪些|哪个|怎么|如何|多少|几年|几个|几项|几次|有效期|要求|定义|是否|(?<!算)吗[？?。]?$|么[？?]?$/u;

/**
 * A question about the rules rather than an answer, even where an answer could be read from it ("海门开发区主攻什么方向"
 * while the region is asked); a question followed by its answer ("是营业执照上的日期吗？2021年5月") answers.
 */
export function asksRatherThanAnswers(text: string): boolean {
  const t = text.replace(/不(知道|清楚|太懂)怎么(算|填|说)/gu, '').trim();
  return ASKS.test(t) && !/[？?]\s*\S+$/u.test(t);
}

/**
 * Whether what was read from a reply to the pending question makes it an answer. A reply that is also a question
 * answers only with a value in it — or when it asks whether its own case counts ("环保罚过两万算吗"), which the
 * dialog then asks back about rather than looking up a clause.
 */
export function readAsAnswer(kind: string, alsoAQuestion: boolean, text: string): boolean {
  if (kind === 'unclear') return false;
  return !alsoAQuestion || !(kind === 'ask' || kind === 'unknown') || /算吗|算不算|算不|算是/u.test(text);
}

/**
 * What a message asks for. Commands first (they work in any state), then an eligibility check in the user's own
 * words ("能申报高企不", the menu's own label), corrections, help-desk routing and questions. "other" is left to
 * the dialog state (an answer while a question is pending). A programme is named by its registry entry's words.
 */
export function classify(text: string, programmes: ProgrammeRegistry = REGISTRY): Intent {
  const t = text.trim();
  if (UNDO.test(t)) return { kind: 'undo' };
  if (FORGET.test(t)) return { kind: 'forget' };
  if (HUMAN.test(t) && !HELPDESK.test(t)) return { kind: 'human' };
  if (RESTART.test(t)) return { kind: 'restart' };
  if (GREETING.test(t)) return { kind: 'greeting' };
  if (HELP.test(t)) return { kind: 'help' };
  if (/^\/check\b/u.test(t)) return { kind: 'check', programmes: programmes.namedIn(t) };
  if (/^\/lookup\b/u.test(t)) return { kind: 'question' };
  if (/(我的|已填|已记录的?)(信息|资料|数据|事实)$|查看已填信息|show my facts/iu.test(t)) return { kind: 'facts' };
  if (CORRECTION_WORDS.test(t) || /^(刚才|前面|之前|刚刚).{0,12}(不对|错了)/u.test(t)) return { kind: 'correction' };
  if (HELPDESK.test(t)) return { kind: 'helpdesk' };
  if (CHECK_ALONE.test(t)) return { kind: 'check', programmes: programmes.namedIn(t) };
  const named = programmes.namedIn(t);
  const asksRule = /多少|几个|几年|几次|哪些|什么|怎么|是啥|有啥|要求|比例|占比|有效期|奖励|优惠|好处|定义|意思|上限|限制|是哪年|对吧|来着|条件有哪些/u.test(t);
  if (!asksRule && (FIRST_PERSON.test(t) || named.length > 0) && CHECK_WORDS.test(t) && (CHECK_TOPIC.test(t) || named.length > 0)) {
    return { kind: 'check', programmes: named };
  }
  // small talk is not a policy question: the menu, not a lookup
  if (/天气|吃什么|吃啥|笑话|股票|彩票|写个|写一篇|你是谁|谁开发|几点了|好无聊/u.test(t) && !/政策|认定|申报|补贴|高企|科小|科创/u.test(t)) return { kind: 'other' };
  if (QUESTION.test(t)) return { kind: 'question' };
  return { kind: 'other' };
}
