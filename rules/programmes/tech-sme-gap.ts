import { yearFigure } from '../facts/fiscal-years.js';
import type { Facts } from '../facts/schema.js';
import type { BandTable, ScoreBand } from '../logic/bands.js';
import { money } from '../logic/format.js';
import type { TechSmeStandard } from '../parameters/tech-sme.js';
import { staffShare } from './staff-share.js';
import type { TechSmeScore } from './tech-sme-score.js';

/** One way to raise one indicator to a band: the points it then gives, what it takes, and how much that is. */
interface Move {
  points: number;
  /** worded only for the moves chosen: most evaluations try many and show few */
  text: () => string;
  /** the increase relative to what the enterprise has now (see TechSmeStandard's gap) */
  effort: number;
}

const KEEP = (points: number): Move => ({ points, text: () => '', effort: 0 });

/**
 * The bands of a table above `points`, in its order. Moves are pushed one by one after the move that keeps the
 * indicator as it is, so every list of moves is laid out alike (a spread of a mapped list was not, and cost the
 * search's optimised code twice).
 */
function bandsAbove(table: BandTable, points: number): ScoreBand[] {
  const above: ScoreBand[] = [];
  for (const b of table.bands) if (b.points.min > points) above.push(b);
  return above;
}

function staffMoves(T: TechSmeStandard, facts: Facts, points: number): Move[] {
  const share = staffShare(facts);
  const moves = [KEEP(points)];
  if (share.kind !== 'known') return moves;
  for (const b of bandsAbove(T.staff, points)) {
    // whole numbers throughout: the count that reaches the share, rounded up, less the staff there are
    const short = Math.max(0, Math.floor((b.from.value * share.employees + 99) / 100) - share.staff);
    moves.push({ points: b.points.min, text: () => `科技人员增加 ${short} 名（达到职工总数的${b.from.value}%，${b.points.min}分）`, effort: short / Math.max(share.staff, 1) });
  }
  return moves;
}

/** R&D is raised in the year now running: the next evaluation looks at it, with last year's sales as the yardstick. */
function rdMoves(T: TechSmeStandard, facts: Facts, year: number, points: number): Move[] {
  const rd = yearFigure(facts, 'rdExpenseByYear', year);
  const sales = yearFigure(facts, 'salesRevenueByYear', year);
  const moves = [KEEP(points)];
  if (rd === undefined || sales === undefined || sales === 0) return moves;
  for (const b of bandsAbove(T.rd.ofSales, points)) {
    const needed = Math.ceil(sales * b.from.value * 10) / 1000;
    const more = Math.max(0, Math.round((needed - rd) * 10) / 10);
    moves.push({
      points: b.points.min,
      text: () => `${year + 1}年研发费用达到销售收入的${b.from.value}%（按${year}年销售收入 ${money(sales)} 估算约 ${money(needed)}，比${year}年多 ${money(more)}；${b.points.min}分，用于${year + 2}年评价）`,
      effort: more / Math.max(rd, 1),
    });
  }
  return moves;
}

function ipMoves(T: TechSmeStandard, facts: Facts, points: number): Move[] {
  const { ipClassI: one, ipClassII: two } = facts;
  if (one === undefined || two === undefined || one >= 1) return [KEEP(points)];
  const moves = [KEEP(points)];
  for (const b of bandsAbove(T.ip.classII, points)) {
    const more = b.from.value - two;
    moves.push({ points: b.points.min, text: () => `Ⅱ类知识产权增加 ${more} 项（达到${b.from.value}项，${b.points.min}分）`, effort: more / (two + 1) });
  }
  const top = T.ip.classIAtLeastOne.points.min;
  if (top > points) moves.push({ points: top, text: () => `取得1项Ⅰ类知识产权（如发明专利，${top}分）`, effort: T.gap.classIEffort });
  return moves;
}

/** the 科技人员 band with the lowest share: below it the indicator scores nothing */
function lowestStaffBand(T: TechSmeStandard) {
  return T.staff.bands.reduce((low, b) => (b.from.value < low.from.value ? b : low));
}

function highest(moves: readonly Move[]): number {
  let most = -Infinity;
  for (const m of moves) if (m.points > most) most = m.points;
  return most;
}

/**
 * The combination of one move per indicator that reaches `pass` asking the least, the first found on a tie; null
 * when none does. Efforts are never negative, so a partial combination already asking as much as the best found
 * cannot lead to a better one, and one whose points cannot reach `pass` with the best IP move needs no IP moves
 * tried: both are skipped.
 */
function leastEffort(staff: readonly Move[], rd: readonly Move[], ip: readonly Move[], pass: number): Move[] | null {
  const ipMost = highest(ip);
  let best: Move[] | null = null;
  let bestEffort = Infinity;
  for (const s of staff) {
    if (s.points === 0) continue;
    for (const r of rd) {
      if (s.points + r.points + ipMost < pass || s.effort + r.effort >= bestEffort) continue;
      for (const i of ip) {
        const effort = s.effort + r.effort + i.effort;
        if (s.points + r.points + i.points >= pass && effort < bestEffort) {
          best = [s, r, i];
          bestEffort = effort;
        }
      }
    }
  }
  return best;
}

/**
 * What the enterprise can do to reach the pass mark with the 科技人员 indicator above 0: every combination of
 * bands in the three indicators is tried, and the one asking the least (by relative increase) is given, in full —
 * a gap is enough to qualify, or says that no combination is. Indicators whose inputs are unknown stay at their
 * most favourable reading and are not moved.
 */
export function techSmeScoreGap(T: TechSmeStandard, facts: Facts, year: number, evaluation: TechSmeScore): string {
  const { score } = evaluation;
  const current = (id: string) => score.components.find((c) => c.id === id)!.points.max;
  const pass = T.score.pass.value;
  const staff = staffMoves(T, facts, current('staff'));
  const rd = rdMoves(T, facts, year, current('rd'));
  const ip = ipMoves(T, facts, current('ip'));
  const best = leastEffort(staff, rd, ip, pass);
  const now = score.points.max;
  const head = evaluation.staff.max === 0 ? `科技人员指标为0分（科技人员占比需达到${lowestStaffBand(T).from.value}%以上），最高可能得分 ${now} 分` : `最高可能得分 ${now} 分，还差 ${pass - now} 分`;
  if (!best) {
    const most = highest(staff) + highest(rd) + highest(ip);
    return `${head}；按已知数据，即使三项指标都提高到最高档，也只能达到 ${most} 分，请补充其余数据或另寻直接认定条件`;
  }
  const total = best.reduce((n, m) => n + m.points, 0);
  return `${head}；最省力的达标组合：${best.map((m) => m.text()).filter(Boolean).join('；')}，合计可达 ${total} 分`;
}
