import type { Choice } from '../../rules/facts/catalog.js';
import { regionNamed } from './place-words.js';
import type { Reading } from './reading.js';

/**
 * Owners' own words for a choice. A place's other names and its towns and parks name it for certain (洋口港 is in
 * 如东; they are listed in knowledge/places.ts); a business described in everyday words (生物医药, 锂电池) only
 * suggests a field, so it comes back as a guess the owner confirms.
 */
const FIELD_WORDS: Array<[RegExp, string]> = [
  [/都不(属于|是)|不属于|都没有|不在(里面|上面)|没啥高科技|没有高科技|传统|服装|家纺|纺织品|餐饮|贸易|建材|家具|食品加工/u, 'none'],
  [/医药|制药|药物|中药|生物|医疗|器械|疫苗|诊断|基因|试剂|抗体|细胞|康复|保健/u, '生物与新医药'],
  [/软件|芯片|集成电路|半导体|电子|通信|互联网|物联网|信息|人工智能|AI|大数据|云计算|传感|PCB|APP|app|电路板|计算机|网络|数据|算法|显示|光电/u, '电子信息'],
  [/航空|航天|无人机|卫星|飞机|通航/u, '航空航天'],
  [/新能源|光伏|风电|锂电|电池|储能|节能|氢能|充电|太阳能|核电|电动/u, '新能源与节能'],
  [/材料|高分子|复合|纤维|涂料|合金|陶瓷|碳化硅|衬底|石墨烯|膜|塑料|橡胶|化工新|纳米/u, '新材料'],
  [/环保|污水|废水|固废|废气|节水|资源|环境|回收|净化|治理|土壤/u, '资源与环境'],
  [/机器人|自动化|智能制造|装备|数控|机床|船舶|海工|机械|仪器|激光|3D打印|增材|零部件|汽车|设备|精密|模具|轴承|阀门|电机/u, '先进制造与自动化'],
  [/检测|认证|研发服务|技术服务|设计服务|咨询|文化创意|高技术服务|电商|平台|外包服务|知识产权服务|技术转移/u, '高技术服务'],
];

const INDUSTRY_WORDS: Array<[RegExp, string]> = [
  [/其他|其它|贸易|零售|批发|餐饮|饭店|商贸|物流|建筑|卖|销售|商店|酒店/u, 'other'],
  [/科技服务|技术服务|研发服务|软件开发|检测|设计|技术咨询|技术转让|咨询/u, 'techService'],
  [/制造|生产|加工|工厂|厂/u, 'manufacturing'],
];

const GRADE_WORDS: Array<[RegExp, string]> = [
  [/^[Aa]$/u, 'A'], [/^[Bb]$/u, 'B'], [/^[Cc]$/u, 'C'], [/^[Dd]$/u, 'D'], [/^[Ee]$/u, 'E'],
  [/较高|比较高|挺高|还算高|较强|比较强|挺强|比较先进|较先进/u, 'B'],
  [/较低|比较低|偏低|较弱|比较弱|偏弱|不大|不咋|落后|一般般以下|不太行/u, 'D'],
  [/很高|非常高|领先|很先进|国际先进|高|很强|非常强|强/u, 'A'],
  [/一般|中等|普通|还行|还可以|凑合|中/u, 'C'],
  [/^(无|没有|没)/u, 'E'],
];

function firstMatch(table: Array<[RegExp, string]>, text: string): string | null {
  return table.find(([re]) => re.test(text))?.[1] ?? null;
}

/** A choice in the owner's own words; null when none applies. */
export function readChoice(key: string, text: string, choices: readonly Choice[]): Reading | null {
  const nth = /^第([1-9一二三四五六七八九])(个|项|种)?$/u.exec(text);
  if (nth) {
    // 第8个: the eighth choice as listed
    const c = choices['一二三四五六七八九'.indexOf(nth[1]!) >= 0 ? '一二三四五六七八九'.indexOf(nth[1]!) : Number(nth[1]) - 1];
    return c ? { kind: 'value', value: c.value } : null;
  }
  const allowed = (v: string | null) => (v !== null && choices.some((c) => c.value === v) ? v : null);
  switch (key) {
    case 'region': {
      if (/^(开发区|园区|工业园|高新区?)$|公司在.+工厂在/u.test(text)) return { kind: 'ask', why: 'which region' };
      const v = allowed(regionNamed(text));
      return v ? { kind: 'value', value: v } : null;
    }
    case 'highTechField': {
      const v = allowed(firstMatch(FIELD_WORDS, text));
      return v ? { kind: 'guess', value: v } : null;
    }
    case 'industryType': {
      if (/^服务业?$/u.test(text)) return { kind: 'ask', why: 'which' };
      const v = allowed(firstMatch(INDUSTRY_WORDS, text));
      return v ? { kind: 'value', value: v } : null;
    }
    case 'techAdvancement':
    case 'coreSupportLevel': {
      const v = allowed(firstMatch(GRADE_WORDS, text.replace(/^(我们|我觉得|应该|算|属于|大概|可能|选|填|就)+/u, '').replace(/(吧|呗|啊|的)$/u, '')));
      return v ? { kind: 'value', value: v } : null;
    }
    default:
      return null;
  }
}
