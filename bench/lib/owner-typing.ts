import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { typed } from './typed.js';

/**
 * How an enterprise owner really types a fact's value: measure words and hedges (差不多80个人, 大概两千万吧), w for
 * 万, Chinese numerals, 成 and 个点 for percentages, two-digit years and 号, month-only dates, yes/no in many forms,
 * a sector in everyday words, 没有 for a figure that is zero. Every phrasing here is one the issue reported as
 * refused or one of its close kin; the value it stands for is exact (a hedge never changes the number typed).
 */

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const CN_DIGITS = '零一二三四五六七八九';

/** 0–9999 in Chinese numerals as people write them (两千, 八十, 一百零五). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return n === 2 ? '两' : CN_DIGITS[n]!;
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 2 && size >= 1000 ? '两' : size === 10 && d === 1 && !out ? '' : CN_DIGITS[d]!) + name;
  }
  if (rest > 0) out += (zero || (out && n % 100 < 10 && n >= 100) ? '零' : '') + CN_DIGITS[rest]!;
  return out;
}

const HEDGE_BEFORE = ['', '', '大概', '差不多', '大约', '约'];
const HEDGE_AFTER = ['', '', '左右', '吧', '的样子'];

function count(random: () => number, n: number, word: string): string {
  if (n === 0) return pick(random, ['没有', '0', '一个都没有', '0个']);
  const number = n < 100 && random() < 0.25 ? chineseNumeral(n) : String(n);
  const measure = pick(random, word === '人' ? ['人', '个人', '名', '个', '', '位'] : ['项', '个', '件', '']);
  return `${pick(random, HEDGE_BEFORE)}${number}${measure}${pick(random, HEDGE_AFTER)}`;
}

function money(random: () => number, n: number): string {
  if (n === 0) return pick(random, ['没有', '0', '零']);
  const styles: Array<() => string> = [
    () => `${n}万`,
    () => `${n}w`,
    () => `${n}W`,
    () => `${pick(random, HEDGE_BEFORE)}${n}万${pick(random, HEDGE_AFTER)}`,
    () => `${n}万元`,
    () => (n >= 10000 && (n / 10000) * 10 === Math.round((n / 10000) * 10) ? `${n / 10000}亿` : `${n}万`),
    () => (Number.isInteger(n) && n <= 9999 && n % 10 === 0 ? `${pick(random, ['大概', '差不多', ''])}${chineseNumeral(n)}万${pick(random, ['吧', ''])}` : `${n}万`),
    () => (n >= 1000 && n % 100 === 0 && n < 10000 ? `${n / 1000}千万` : `${n}万`),
  ];
  return pick(random, styles)();
}

function percent(random: () => number, n: number): string {
  if (n === 100) return pick(random, ['100%', '全部', '全部在国内', '都是', '百分之百']);
  if (n === 0) return pick(random, ['0', '没有', '0%']);
  const styles: Array<() => string> = [
    () => `${n}%`,
    () => `${n}`,
    () => `百分之${Number.isInteger(n) && n < 100 ? chineseNumeral(n) : n}`,
    () => `${n}个点`,
    () => (n % 10 === 0 ? `${chineseNumeral(n / 10)}成${pick(random, ['', '左右'])}` : `${n}%左右`),
    () => `${pick(random, ['大概', '差不多', ''])}${n}%`,
  ];
  return pick(random, styles)();
}

function date(random: () => number, iso: string, asOf: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const thisYear = Number(asOf.slice(0, 4));
  const yearWord = y === thisYear && random() < 0.6 ? '今年' : y === thisYear - 1 && random() < 0.4 ? '去年' : random() < 0.3 ? `${String(y).slice(2)}年` : `${y}年`;
  const styles: Array<() => string> = [
    () => `${yearWord}${m}月${d}号`,
    () => `${yearWord}${m}月${d}日`,
    () => `${y}.${m}.${d}`,
    () => `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`,
    () => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    () => `${y}年${m}月`,
  ];
  return pick(random, styles)();
}

function yesNo(random: () => number, v: boolean): string {
  return v
    ? pick(random, ['是', '是的', '有', '有的', '对', '嗯', '当然', '有啊', '是啊', '符合', '对的', '有，', '已经有了', '属于'])
    : pick(random, ['否', '不是', '没有', '没', '无', '还没有', '暂时没有', '不属于', '没有的', '不是的', '没呢', '没有过']);
}

/** The everyday words owners use for each choice; the catalog's label itself is always among them. */
const CHOICE_WORDS: Record<string, Record<string, string[]>> = {
  region: {
    崇川区: ['崇川', '在崇川'], 通州区: ['通州', '在通州区'], 海门区: ['海门', '在海门'], 如皋市: ['如皋', '在如皋'],
    海安市: ['海安', '海安的'], 如东县: ['如东', '在如东'], 启东市: ['启东', '启东的'],
    南通经济技术开发区: ['南通开发区', '经开区', '南通经济开发区'], 苏锡通科技产业园区: ['苏锡通', '苏锡通园区'],
    通州湾示范区: ['通州湾'], 南通创新区: ['创新区'], 市外: ['市外', '还没在南通注册'],
  },
  industryType: { manufacturing: ['制造业', '做制造的', '生产制造'], techService: ['科技服务业', '科技服务', '技术服务'], other: ['其他', '其他行业'] },
  highTechField: {
    电子信息: ['电子信息', '电子', '软件'], 生物与新医药: ['生物医药', '医药', '生物与新医药'], 航空航天: ['航空航天', '航天'],
    新材料: ['新材料', '材料'], 高技术服务: ['高技术服务'], 新能源与节能: ['新能源', '节能', '新能源与节能'],
    资源与环境: ['环保', '资源与环境'], 先进制造与自动化: ['先进制造', '自动化', '智能制造'], none: ['不属于上述领域', '都不属于', '都不是'],
  },
  techAdvancement: { A: ['A', '高', '很高'], B: ['B', '较高', '比较高'], C: ['C', '一般', '一般吧'], D: ['D', '较低', '比较低'], E: ['E', '无', '没有'] },
  coreSupportLevel: { A: ['A', '强', '很强'], B: ['B', '较强', '比较强'], C: ['C', '一般', '一般吧'], D: ['D', '较弱', '比较弱'], E: ['E', '无', '没有'] },
};

/**
 * What a typing owner sends for a fact's value; `random` is seeded so every run types the same. Facts this table
 * does not vary (texts) are typed as a tidy user would.
 */
export function ownerTyped(random: () => number, path: string, value: unknown, asOf: string): string {
  const info = describeFact(path as FactPath);
  if (typeof value === 'boolean') return yesNo(random, value);
  if (typeof value === 'number') {
    if (info.unit === '万元') {
      const figure = money(random, value);
      // the year said along with the figure, as owners do: 今年大概3200万, 去年1800w
      if (info.key === 'taxableSalesThisYear' && random() < 0.4) return `今年${figure}`;
      if (info.year === Number(asOf.slice(0, 4)) - 1 && random() < 0.3) return `去年${figure}`;
      return figure;
    }
    if (info.unit === '%') return percent(random, value);
    if (info.unit === '人' || (info.unit === '项' && Number.isInteger(value))) return count(random, value, info.unit);
    return String(value);
  }
  if (info.kind === 'date' && typeof value === 'string') return date(random, value, asOf);
  if (info.kind === 'choice' && typeof value === 'string') {
    const words = CHOICE_WORDS[info.key]?.[value];
    return words ? pick(random, words) : typed(path, value);
  }
  return typed(path, value);
}

/** The names an owner calls a fact by when correcting it ("刚才去年营收说错了"). */
export function ownerNameFor(random: () => number, path: string, asOf: string): string | null {
  const [key, year] = path.split('.');
  const last = Number(asOf.slice(0, 4)) - 1;
  const yearWord = year ? (Number(year) === last ? pick(random, ['去年', '去年的', `${year}年`]) : `${year}年`) : '';
  const names: Record<string, string[]> = {
    employees: ['员工', '职工人数', '员工人数', '人数'],
    scienceStaff: ['科技人员', '研发人员', '技术人员'],
    salesRevenueByYear: ['营收', '销售收入', '收入'],
    rdExpenseByYear: ['研发费用', '研发投入'],
    totalAssets: ['总资产', '资产总额'],
    ipClassI: ['发明专利', 'Ⅰ类知识产权'],
    ipClassII: ['实用新型', '软著'],
    highTechIncomeShare: ['高新收入占比', '高新技术产品收入占比'],
    taxableSalesThisYear: ['今年应税销售收入', '今年开票'],
  };
  const list = names[key!];
  return list ? `${yearWord}${pick(random, list)}` : null;
}

/** A correction as owners word it, naming the fact and its value. */
export function ownerCorrection(random: () => number, name: string, valueText: string): string {
  return pick(random, [
    `刚才${name}说错了，是${valueText}`,
    `${name}改为${valueText}`,
    `${name}应该是${valueText}`,
    `不好意思，${name}填错了，应该是${valueText}`,
    `${name}不对，是${valueText}`,
  ]);
}
