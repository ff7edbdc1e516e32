import type { ProgrammeId } from '../../rules/engine/programme.js';

export type Intent =
  | { kind: 'restart' }
  | { kind: 'help' }
  | { kind: 'facts' }
  | { kind: 'forget' }
  | { kind: 'human' }
  | { kind: 'check'; programmes: ProgrammeId[] }
  | { kind: 'correction' }
  | { kind: 'helpdesk' }
  | { kind: 'question' }
  | { kind: 'other' };

const PROGRAMME_WORDS: Array<[RegExp, ProgrammeId]> = [
  [/科创项目/u, 'kechuang-project-2023'],
  [/高企|高新技术企业|high.?tech|hnte/iu, 'hnte'],
  [/科小|科技型中小|tech.?sme/iu, 'tech-sme'],
];

/** The programmes a message names, in the order Tongce reports them; empty when it names none. */
export function programmesNamed(text: string): ProgrammeId[] {
  return PROGRAMME_WORDS.filter(([re]) => re.test(text)).map(([, id]) => id);
}

const FIRST_PERSON = /我们|我司|本公司|我公司|咱们|我家|我这|我的企业|我企业|帮我|给我|\bwe\b|\bour\b|\bmy\b|\bi\b/iu;
const CHECK_WORDS = /能不能|能否|是否|可不可以|可以|能|够不够|够格|符合|满足|评估|测评|诊断|测一测|测测|看看|算不算|qualify|eligib|check/iu;
const CHECK_TOPIC = /认定|申报|入库|评价|资格|条件|高企|科小|科创项目|高新技术企业|科技型中小|high.?tech|tech.?sme|eligib|qualif/iu;

/**
 * What a message asks for. Commands first (they work in any state), then an eligibility check in the user's own
 * words ("我们能申报高企吗"), corrections, help-desk routing and questions. "other" is left to the dialog state.
 */
export function classify(text: string): Intent {
  const t = text.trim();
  if (/^\/start\b/u.test(t) || /^(帮助|help|菜单|\/help)$/iu.test(t)) return { kind: 'help' };
  if (/^(你好|您好|嗨|在吗|在不在|hi|hello|hey)\b|你能做什么|能帮我做什么|有什么功能|what can you do/iu.test(t)) return { kind: 'help' };
  if (/^\/reset\b|^(重新开始|重来|从头开始|restart|start over)$/iu.test(t)) return { kind: 'restart' };
  if (/^\/forget\b|忘记我|删除我的(数据|信息|记录)|删掉我的|forget me/iu.test(t)) return { kind: 'forget' };
  if (/人工|真人|客服|工作人员|\bhuman\b|\bagent\b/iu.test(t)) return { kind: 'human' };
  if (/^\/check\b/u.test(t)) return { kind: 'check', programmes: programmesNamed(t) };
  if (/^\/lookup\b/u.test(t)) return { kind: 'question' };
  if (/(我的|已填|已记录的?)(信息|资料|数据|事实)|show my facts/iu.test(t)) return { kind: 'facts' };
  if (/填错|写错|输错|说错|搞错|弄错|更正|改为|改成|修改为|应该是|correct(ion)?\b/iu.test(t)) return { kind: 'correction' };
  if (FIRST_PERSON.test(t) && CHECK_WORDS.test(t) && CHECK_TOPIC.test(t)) return { kind: 'check', programmes: programmesNamed(t) };
  if (/^(评估|测评|资格评估|诊断|预诊断)(一下)?$/u.test(t)) return { kind: 'check', programmes: [] };
  if (/哪个部门|哪个单位|哪个科室|谁负责|归谁管|找谁|去哪里?办|在哪里?办|哪里办理|which department|who handles/iu.test(t)) return { kind: 'helpdesk' };
  if (/[？?]|吗$|吗[。！!]?$|^(请问|什么|怎么|如何|哪些|哪个|多少|为什么|是否|有没有)|什么|怎么|如何|哪些|多少|几[个项家年]|what|how|which|when/iu.test(t)) {
    return { kind: 'question' };
  }
  return { kind: 'other' };
}
