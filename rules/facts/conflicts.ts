import { yearOf } from '../logic/dates.js';
import type { FactWarning } from './fraction-warnings.js';
import { PER_YEAR_KEYS, type Facts } from './schema.js';

/** The first fiscal year the profile gives a figure for, if any. */
function firstFigureYear(facts: Facts): number | undefined {
  let first: number | undefined;
  for (const key of PER_YEAR_KEYS) {
    const figures = facts[key];
    if (figures !== undefined) for (const year in figures) if (first === undefined || Number(year) < first) first = Number(year);
  }
  return first;
}

const MOVED_IN = '若企业是从外地整体迁入南通，注册成立日期应填原成立日期，迁入日期填在南通注册（迁入）日期（nantongRegistrationDate）。';

/**
 * Facts that a real enterprise can give truthfully and that still disagree as read: the evaluation goes on, with a
 * warning naming both facts and saying how it reads them, never a refusal. Adjusts `facts` (the copy the rules
 * read) to that reading.
 */
export function settleConflicts(facts: Facts): FactWarning[] {
  const out: FactWarning[] = [];
  const founded = facts.registrationDate;
  if (founded !== undefined && facts.hnteCertDate !== undefined && facts.hnteCertDate < founded) {
    // 第十八条: a 高企 that moves keeps its legal entity and so its 成立日期; the date given is most likely the day
    // it was registered in 南通, and the founding date is unknown (no later than the certificate)
    const asArrival = facts.nantongRegistrationDate === undefined && facts.nantongOrigin !== 'foundedHere';
    out.push({
      fact: 'registrationDate',
      message:
        `高企证书颁发日期（hnteCertDate ${facts.hnteCertDate}）早于注册成立日期（registrationDate ${founded}）。${MOVED_IN}` +
        (asArrival ? `以下暂把 ${founded} 当作在南通注册（迁入）日期，成立日期按未知判断。` : '以下成立日期按未知判断。'),
    });
    if (asArrival) facts.nantongRegistrationDate = founded;
    facts.registrationDate = undefined;
  } else if (founded !== undefined) {
    const firstYear = firstFigureYear(facts);
    if (firstYear !== undefined && firstYear < yearOf(founded)) {
      out.push({
        fact: 'registrationDate',
        message: `填了${firstYear}年的财务数据，早于注册成立日期（registrationDate ${founded}）。${MOVED_IN}以下按所填成立日期判断，${yearOf(founded)}年以前的数据不计。`,
      });
    }
  }
  if (facts.utilityModelsSelfApplied !== undefined && facts.ipClassII !== undefined && facts.utilityModelsSelfApplied > facts.ipClassII) {
    out.push({
      fact: 'utilityModelsSelfApplied',
      message:
        `自主申请授权的实用新型专利填了 ${facts.utilityModelsSelfApplied} 项（utilityModelsSelfApplied），但与主要产品相关的有效Ⅱ类知识产权只有 ${facts.ipClassII} 项（ipClassII）。` +
        '科创项目条件8只计仍有效、对主要产品发挥核心支持作用的实用新型专利：请核对两项是否按同一口径填写。以下按所填数字判断。',
    });
  }
  return out;
}
