import type { ProgrammeBasis, RankedCandidate, ScreenedRow, Summary } from './result.js';

/** Per programme, the closest candidates kept for the summary; every candidate is marked on its own row anyway. */
export const TOP_CANDIDATES = 100;
/** Problems listed in the summary; every invalid row carries its own. */
const PROBLEMS_SHOWN = 200;
/** Enterprises plotted in the R&D chart: enough to show the spread, few enough for a light report. */
const RD_POINTS = 2000;
const SHARE_BIN = 2;
const SHARE_BINS = 21; // 0–2%, 2–4% … 38–40%, and 40% and over

type ProgrammeSummary = Summary['programmes'][number];

function byCloseness(a: RankedCandidate, b: RankedCandidate): number {
  return a.distance - b.distance || a.row - b.row;
}

/** Keeps the best `limit` items of a stream in order, in memory proportional to `limit`. */
function insertRanked(list: RankedCandidate[], item: RankedCandidate, limit: number): void {
  if (list.length === limit && byCloseness(item, list[limit - 1]!) >= 0) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byCloseness(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
  if (list.length > limit) list.pop();
}

/** A small deterministic generator, so the same file always plots the same sample. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The summary of a screening, built row by row in bounded memory (counts, the top candidates, chart samples). */
export class SummaryBuilder {
  private readonly rows = { data: 0, screened: 0, invalid: 0, blank: 0 };
  private readonly programmes: ProgrammeSummary[];
  private readonly index: Map<string, ProgrammeSummary>;
  private readonly problems: Summary['problems'] = [];
  private readonly shareBins = new Array<number>(SHARE_BINS).fill(0);
  private shareKnown = 0;
  private readonly rdPoints: Summary['charts']['rd']['points'] = [];
  private rdKnown = 0;
  private readonly random = mulberry32(1);
  readonly notes: string[] = [];

  constructor(basis: readonly ProgrammeBasis[]) {
    this.programmes = basis.map((p) => ({
      id: p.id,
      title: p.title,
      outcomes: { eligible: 0, ineligible: 0, undetermined: 0 },
      candidates: { total: 0, nearMiss: 0, undetermined: 0, top: [] },
    }));
    this.index = new Map(this.programmes.map((p) => [p.id, p]));
  }

  blank(): void {
    this.rows.blank++;
  }

  add(row: ScreenedRow): void {
    this.rows.data++;
    if (row.status === 'invalid') {
      this.rows.invalid++;
      for (const p of row.problems) if (this.problems.length < PROBLEMS_SHOWN) this.problems.push({ row: row.row, name: row.name, ...p });
      return;
    }
    this.rows.screened++;
    for (const p of row.programmes) {
      const s = this.index.get(p.id)!;
      s.outcomes[p.outcome]++;
      if (!p.candidate) continue;
      s.candidates.total++;
      s.candidates[p.candidate.kind === 'near-miss' ? 'nearMiss' : 'undetermined']++;
      insertRanked(s.candidates.top, { row: row.row, name: row.name, ...p.candidate }, TOP_CANDIDATES);
    }
    const { scienceSharePct: share, rd } = row.indicators;
    if (share !== null) {
      this.shareKnown++;
      this.shareBins[Math.min(SHARE_BINS - 1, Math.floor(share / SHARE_BIN))]!++;
    }
    if (rd) {
      // reservoir sampling: every enterprise with a known ratio is equally likely to be plotted
      this.rdKnown++;
      const point = { row: row.row, name: row.name, ...rd, outcome: row.programmes.find((p) => p.id === 'hnte')?.outcome ?? 'undetermined' };
      if (this.rdPoints.length < RD_POINTS) this.rdPoints.push(point);
      else {
        const j = Math.floor(this.random() * this.rdKnown);
        if (j < RD_POINTS) this.rdPoints[j] = point;
      }
    }
  }

  build(source: Summary['source']): Summary {
    return {
      source,
      rows: { ...this.rows },
      notes: [...this.notes],
      programmes: this.programmes,
      problems: this.problems,
      charts: {
        scienceShare: { binWidth: SHARE_BIN, bins: [...this.shareBins], known: this.shareKnown },
        rd: { known: this.rdKnown, points: [...this.rdPoints].sort((a, b) => a.row - b.row) },
      },
    };
  }
}
