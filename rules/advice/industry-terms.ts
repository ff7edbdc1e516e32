import type { HighTechField } from '../facts/schema.js';

/**
 * Industry directions and the words that name them, so that an enterprise's own description ("锂电池储能系统")
 * meets a park's 主攻方向 ("新型储能"). Latin terms match as whole words only.
 */
export const INDUSTRY_FAMILIES = [
  { id: 'storage', name: '储能', terms: ['储能', '电池', '锂电', '钠电'] },
  { id: 'hydrogen', name: '氢能', terms: ['氢能', '氢燃料', '燃料电池', '绿氢', '制氢', '加氢'] },
  { id: 'semiconductor', name: '半导体与集成电路', terms: ['半导体', '集成电路', '芯片', '晶圆', '封测', '封装测试', 'EDA', '功率器件', '功率IC', '碳化硅', '氮化镓', 'SiC', 'GaN', 'IC设计', '射频'] },
  { id: 'ai', name: '人工智能', terms: ['人工智能', 'AI', '大模型', '机器学习', '深度学习', '算力', '机器视觉', '智能算法'] },
  { id: 'robotics', name: '机器人与智能制造', terms: ['机器人', '智能制造', '工业自动化', '智能装备', '智能工厂'] },
  { id: 'biomed', name: '生物医药与生命健康', terms: ['生物医药', '生命健康', '医药', '药物', '制药', '抗体', '细胞', '基因', '医疗器械', '体外诊断', '诊断试剂', '医美', '介入', '疫苗'] },
  { id: 'synbio', name: '合成生物', terms: ['合成生物', '生物制造', '生物基', '发酵'] },
  { id: 'marine', name: '船舶与海工', terms: ['船舶', '海工', '海洋工程', '海装', '深远海', '深海', '海上风电', '船用'] },
  { id: 'materials', name: '新材料', terms: ['新材料', '先进材料', '膜材料', '功能膜', '磁性材料', '铝镁合金', '纳米', '碳材料', '碳纤维', '聚烯烃', '工程塑料', '可降解', '合成革', '超纤'] },
  { id: 'optics', name: '光电与显示', terms: ['光电', '显示', '光学', '激光'] },
  { id: 'auto-electronics', name: '汽车电子', terms: ['汽车电子', '车规', '智能网联', '车载'] },
  { id: 'low-altitude', name: '低空经济', terms: ['低空', '无人机', '飞行器', 'eVTOL'] },
  { id: 'aerospace', name: '空天', terms: ['空天', '航天', '航空', '卫星'] },
  { id: 'communications', name: '通信', terms: ['通信', '5G', '6G', '物联网'] },
  { id: 'energy', name: '新能源', terms: ['新能源', '绿色能源', '风电', '光伏', '零碳', '负碳', '海洋电力', '能源'] },
  { id: 'equipment', name: '高端装备', terms: ['高端装备', '装备制造', '智能装备', '成套设备', '数控'] },
  { id: 'digital', name: '数字经济与信息技术', terms: ['数字经济', '软件', '大数据', '云计算', '智慧交通', '信息技术', '数字化'] },
  { id: 'textile', name: '纺织', terms: ['纺织', '家纺', '面料', '织造'] },
] as const;

export type IndustryFamily = (typeof INDUSTRY_FAMILIES)[number]['id'];

/** The directions a 国家重点支持的高新技术领域 suggests when the enterprise's own words name none. */
export const FIELD_FAMILIES: { readonly [F in HighTechField]: readonly IndustryFamily[] } = {
  电子信息: ['semiconductor', 'ai', 'communications', 'optics', 'digital', 'auto-electronics'],
  生物与新医药: ['biomed', 'synbio'],
  航空航天: ['aerospace', 'low-altitude'],
  新材料: ['materials'],
  高技术服务: ['digital'],
  新能源与节能: ['energy', 'storage', 'hydrogen'],
  资源与环境: ['energy'],
  先进制造与自动化: ['robotics', 'equipment', 'marine'],
  none: [],
};

const LATIN = /^[A-Za-z0-9]+$/;
const matchers = INDUSTRY_FAMILIES.map((f) => ({
  id: f.id,
  tests: f.terms.map((t) => (LATIN.test(t) ? new RegExp(`(?<![A-Za-z])${t}(?![A-Za-z])`, 'i') : t)),
}));

// A dialog re-evaluates the same description many times; the cache is dropped whole when it grows.
const seen = new Map<string, ReadonlySet<IndustryFamily>>();
const SEEN_LIMIT = 1000;

/** The industry directions a text names. */
export function familiesIn(text: string): ReadonlySet<IndustryFamily> {
  let found = seen.get(text);
  if (found) return found;
  const normal = text.normalize('NFKC');
  found = new Set(matchers.filter((m) => m.tests.some((t) => (typeof t === 'string' ? normal.includes(t) : t.test(normal)))).map((m) => m.id));
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(text, found);
  return found;
}

export function familyName(id: IndustryFamily): string {
  return INDUSTRY_FAMILIES.find((f) => f.id === id)!.name;
}
