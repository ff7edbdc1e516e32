import { parseYesNo } from './answers.js';
import type { Reading } from './reading.js';

/**
 * Yes or no as owners answer a question about their enterprise: not only 是/否 but a statement (从苏州引进来的,
 * 去年到期没续, 只有市级的). A statement with any negative part answers no (these facts are all-or-nothing: 制度有，辅助账
 * 没建 is no); one with an affirming word and nothing negative answers yes; for some facts, words that settle it
 * (本地的 for 从市外招引, 本科 for 全日制硕士). Anything else is no answer.
 */

/** Words that settle one fact either way, checked before anything general. */
const FACT_CUES: Record<string, Array<[RegExp, boolean]>> = {
  attractedFromOutside: [[/本地|南通人|土生土长|市内|崇川搬|一直在这|本市/u, false], [/引进|招商|招引|迁过来|搬过来|过来的|子公司|总部|分公司|从\S{1,6}(来|过来|迁)/u, true]],
  residentEnterprise: [[/香港|澳门|台湾|境外|国外|海外(公司|注册)/u, false], [/境内|国内|在\S{0,6}注册|内资|合资|外资/u, true]],
  ipSelfDeveloped: [[/买|受让|并购|中介|转让来|转来/u, false], [/自己|自主|自研/u, true]],
  kechuangIpRoute: [[/买|中介|受让/u, false], [/母公司|自己申请|自主申请|转过来/u, true]],
  founderStemMasters: [[/本科|专科|大专|在职|非全日制|文科|MBA/iu, false], [/硕士|博士|研究生/u, true]],
  founderIsPrincipal: [[/监事/u, false], [/董事长|总经理|执行董事|法人/u, true]],
  provincialRdInstitution: [[/市级|区级|县级|只有/u, false]],
  provincialKeyLab: [[/市级|区级|县级/u, false]],
  nationalScienceAwardTop3: [[/省|市级|排第[四五六七八九十]|第[四五六七八九十]名/u, false], [/国家/u, true]],
  joinedStandards: [[/只有企业标准|企业标准/u, false], [/国标|行标|行业标准|国家标准|参与/u, true]],
  ledStandardLast5y: [[/参与|配合/u, false], [/主导|牵头/u, true]],
  hnteCertified: [[/到期|过期|准备|明年|申报中|在申报|还不是|没续/u, false], [/有效期内|刚认定|认定下来|认定了/u, true]],
  operatingNormally: [[/停产|停了|半停产|停工/u, false], [/正常|投产|生产|运转|装好|到位/u, true]],
  competitionAward: [[/优秀奖|复赛|没拿奖|第1[1-9]名|第[2-9]\d名/u, false], [/前十|第[一二三四五六七八九十\d]名|一等奖|二等奖|三等奖/u, true]],
  inCultivationPool: [[/没听说/u, false]],
  seriousDishonesty: [[/还没移出|名录里|被列入|列入了/u, true]],
  majorIncidentLastYear: [[/^(无|没有|没)|不算|小的|轻微/u, false], [/严重违法|立案|重大/u, true]],
  talentProgramStartup: [[/不是创业|创新类/u, false], [/创业类|入选/u, true]],
  kechuangRecognizedBefore: [[/第一次/u, false], [/认定过/u, true]],
};

const NEGATIVE = /木有|没有|没|沒|不是|不算|不属于|不符合|不具备|否|无|未|尚未|还没|还不|过期|到期|准备|正在弄|在弄|只有|不太|并非|第一次/u;
const AFFIRMING = /有|是|过|对|属于|符合|具备|入了|入库|拿|建|参与|主导|牵头|自己|认定|正常|都|系|引进|招|迁|境内|国内|注册|当然|肯定|没错|嗯|yes|ok/iu;
const HEDGES = /^(嗯|额|呃|啊|哦)[，,。 ]*|^(好像|应该|可能|大概|估计|感觉|肯定|当然|绝对|确实|其实)/u;
const ASKS_BACK = /算不算|算吗|算不|是否算|算不上|怎么算/u;

export function readYesNo(key: string, text: string): Reading {
  let t = text;
  for (let i = 0; i < 3 && HEDGES.test(t); i++) t = t.replace(HEDGES, '');
  // 嗯 / 当然 alone: the hedge is the answer
  if (!t.replace(/[\p{P}\s]/gu, '')) t = text;
  if (/^(没错|没问题)/u.test(t)) return { kind: 'value', value: true };
  for (const [re, value] of FACT_CUES[key] ?? []) if (re.test(t)) return { kind: 'value', value };
  // a single short reply (是 / 没有 / 有的): the plain reading; a statement in parts is weighed part by part below
  if (!/[，,；;]/u.test(t)) {
    const plain = parseYesNo(t);
    if (plain !== null) return { kind: 'value', value: plain };
  }
  if (ASKS_BACK.test(t)) return { kind: 'ask', why: 'which' };
  // 没错 / 没问题 affirm; anything else negative answers no
  const negative = NEGATIVE.test(t.replace(/没错|没问题|无误/gu, ''));
  if (negative) return { kind: 'value', value: false };
  if (AFFIRMING.test(t)) return { kind: 'value', value: true };
  return { kind: 'reject' };
}
