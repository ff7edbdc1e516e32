import { chineseNumeral } from '../text/normalize.js';

/** 25%, 25％, 百分之二十五, 百分之百: a rate as written in questions and texts. */
const RATE = /(\d+(?:\.\d+)?)\s*[%％]|百分之([零〇一二两三四五六七八九十百]+)/gu;
/** "…是百分之二十五吧？", "是不是15%", "对吗": the asker states a figure to have it checked. */
const CHECKING = /吧|对吗|对不对|是不是|是吗|没错|没记错/u;

/** The rates a text states, as numbers (百分之二十五 and 25％ are both 25). */
export function ratesIn(text: string): number[] {
  return [...text.matchAll(RATE)].map((m) => (m[1] !== undefined ? Number(m[1]) : chineseNumeral(m[2]!))).filter((n) => !Number.isNaN(n));
}

/**
 * "企业所得税一般是百分之二十五吧？": the rates a question proposes to check. The clause stating that very rate (税率为25％)
 * answers yes, and one stating another (小型微利企业 20％) only by contrast, so the first comes first.
 */
export function ratesProposed(question: string): number[] {
  return CHECKING.test(question) ? ratesIn(question) : [];
}

/** Whether a clause states one of the rates proposed. */
export function statesRateProposed(text: string, proposed: readonly number[]): boolean {
  return proposed.length > 0 && ratesIn(text).some((r) => proposed.includes(r));
}
