/**
 * How close to a threshold a failed condition must be for the enterprise to count as a near-threshold candidate
 * (近门槛): close enough that ordinary effort within a year — a hire or two, a little more R&D spending, a patent,
 * a few more points — or a short wait would carry it over. One table, quoted by the report and TEMPLATE.md.
 */
export const NEAR_MARGINS = {
  /** a share or ratio (科技人员占比, 研发费用占比, 高新收入占比, 境内研发占比, 属地国资占比), in percentage points */
  percentagePoints: 1,
  /** a count (科技人员, 实用新型专利) */
  count: 2,
  /** a score (高企创新能力评价, 科小综合评价) */
  scorePoints: 5,
  /** an amount of money, as a share of the bound (100万元 → within 10万元) */
  moneyShare: 0.1,
  /** a waiting period (注册满一年), in days */
  days: 90,
} as const;

/** The margins as the report states them. */
export const MARGIN_TEXT = [
  `比例相差不超过 ${NEAR_MARGINS.percentagePoints} 个百分点`,
  `人数、专利数相差不超过 ${NEAR_MARGINS.count}`,
  `评分相差不超过 ${NEAR_MARGINS.scorePoints} 分`,
  `金额相差不超过门槛的 ${NEAR_MARGINS.moneyShare * 100}%`,
  `等待期在 ${NEAR_MARGINS.days} 天内届满`,
] as const;
