import { nfkc } from '../../knowledge/text/normalize.js';
import { clean } from './figures.js';
import { chineseNumber } from './numerals.js';

/** The unit a fact is kept in (facts.md): money in 万元, shares in %, counts bare. */
export type TargetUnit = '万元' | '%' | 'count';

const NUM = '(?:[+-]?\\d+(?:[.,，]\\d+)*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';
/** how many 万元 one of each written money unit is */
const MONEY_UNIT: Record<string, number> = { 亿: 1e4, 亿元: 1e4, 个亿: 1e4, 千万: 1e3, 千万元: 1e3, 百万: 100, 百万元: 100, 万: 1, 万元: 1, 千元: 0.1, 元: 1e-4, 块: 1e-4 };

function numeric(token: string): number | null {
  const t = token.replace(/[,，]/g, '');
  if (/^[+-]?\d+(\.\d+)?$/u.test(t)) return Number(t);
  return chineseNumber(t);
}

/**
 * A quantity in an ordinary Chinese answer, in the fact's unit: 300万 / 1.2亿 / 3000万元 / 八百万 / 50000元 → 万元;
 * 12% / 百分之十二 / 12 → %; 120人 / 一百二十 → a count. A bare number is taken in the unit the question stated.
 * null when the text holds no single quantity (or two different ones).
 */
export function parseQuantity(text: string, unit: TargetUnit): number | null {
  const t = nfkc(text).replace(/\s+/g, '').replace(/(大约|大概|约|左右|差不多|将近|接近|有|是|为|共|一共|总共|合计|达到|达)/gu, '');
  const percent = /^百分之([零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)$/u.exec(t);
  if (percent) return unit === '%' ? numeric(percent[1]!) : null;
  const m = new RegExp(`^(${NUM})(亿元|个亿|亿|千万元|千万|百万元|百万|万元|万|千元|元|块|%|％|人|名|个|项|件|家|位)?$`, 'u').exec(t);
  // 三千五百万 and the like: Chinese numerals carrying their own 万/亿
  const cn = !m && /^[零〇一二两三四五六七八九十百千万亿]+(元|人|名|个|项|件|家)?$/u.test(t) ? chineseNumber(t.replace(/[元人名个项件家]$/u, '')) : null;
  if (cn !== null) return unit === '万元' ? clean(cn / 1e4) : unit === '%' ? null : cn;
  if (!m) return null;
  const n = numeric(m[1]!);
  if (n === null) return null;
  const suffix = m[2];
  if (unit === '万元') {
    if (suffix && !(suffix in MONEY_UNIT)) return null;
    return clean(n * (suffix ? MONEY_UNIT[suffix]! : 1));
  }
  if (unit === '%') return suffix && suffix !== '%' && suffix !== '％' ? null : n;
  if (suffix && suffix in MONEY_UNIT) return suffix === '万' ? n * 1e4 : null;
  if (suffix === '%' || suffix === '％') return null;
  return n;
}
