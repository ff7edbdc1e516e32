import { z } from 'zod';
import { Citation } from '../knowledge/citation.js';

/**
 * The shapes a screening produces: one schema per shape is the source of the types, of `tongce screen --json`'s
 * document and of what the tests check it against.
 */

export const Shortfall = z.object({
  amount: z.number(),
  unit: z.enum(['pp', 'count', 'points', '万元', 'days']),
  /** the near-threshold margin in the same unit */
  margin: z.number(),
  text: z.string(),
});
export type Shortfall = z.infer<typeof Shortfall>;

export const Candidate = z.object({
  kind: z.enum(['near-miss', 'undetermined']),
  /** conditions still to confirm, plus a near miss's shortfall as a share of its margin: smaller is closer */
  distance: z.number(),
  open: z.number().int(),
  /** the programme's gaps at risk: conditions still unknown that the figures known already fall short on */
  atRisk: z.number().int(),
  condition: z.object({ id: z.string(), label: z.string() }).nullable(),
  shortfall: Shortfall.nullable(),
});
export type Candidate = z.infer<typeof Candidate>;

export const Gap = z.object({
  condition: z.string().nullable(),
  label: z.string(),
  text: z.string(),
  /** still unknown, but the figures known already fall short: shown 有风险 */
  atRisk: z.boolean(),
});
export type Gap = z.infer<typeof Gap>;

export const Outcome = z.enum(['eligible', 'ineligible', 'undetermined']);
export type Outcome = z.infer<typeof Outcome>;

export const ProgrammeScreen = z.object({
  id: z.string(),
  outcome: Outcome,
  score: z.object({ min: z.number(), max: z.number(), pass: z.number() }).nullable(),
  /** what the enterprise would have to change: failing conditions, and unknown ones already at risk */
  gaps: z.array(Gap),
  /** an undetermined programme's facts still needed, most useful first */
  missingFacts: z.array(z.string()),
  candidate: Candidate.nullable(),
  /** beside an outcome only the experts' scoring leaves open: the same estimate `tongce evaluate` gives */
  assessment: z.object({ estimate: z.enum(['likely', 'unlikely', 'uncertain']), basis: z.string() }).nullable(),
  /** the score parts only the experts decide (not facts to collect from the enterprise) */
  expertDecides: z.array(z.string()),
});
export type ProgrammeScreen = z.infer<typeof ProgrammeScreen>;

export const Indicators = z.object({
  scienceSharePct: z.number().nullable(),
  rd: z.object({ ratio: z.number(), required: z.number(), latestSales: z.number() }).nullable(),
});

export const CellProblem = z.object({
  /** the column as the file heads it; null for a problem of the row as a whole */
  column: z.string().nullable(),
  fact: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type CellProblem = z.infer<typeof CellProblem>;

export const ScreenedRow = z.discriminatedUnion('status', [
  z.object({
    row: z.number().int(),
    name: z.string().nullable(),
    status: z.literal('screened'),
    programmes: z.array(ProgrammeScreen),
    indicators: Indicators,
    /** values judged as given that look misread (a share of 0.65 for 65%): the row is flagged, naming the column */
    warnings: z.array(z.object({ column: z.string().nullable(), fact: z.string(), message: z.string() })),
  }),
  z.object({ row: z.number().int(), name: z.string().nullable(), status: z.literal('invalid'), problems: z.array(CellProblem) }),
]);
export type ScreenedRow = z.infer<typeof ScreenedRow>;

const Counts = z.object({ eligible: z.number().int(), ineligible: z.number().int(), undetermined: z.number().int() });

export const RankedCandidate = Candidate.extend({ row: z.number().int(), name: z.string().nullable() });
export type RankedCandidate = z.infer<typeof RankedCandidate>;

export const Summary = z.object({
  /** the encoding of a CSV file is settled by its first non-ASCII bytes, so it is reported at the end */
  source: z.object({ name: z.string(), format: z.enum(['csv', 'xlsx']), encoding: z.string().nullable() }),
  rows: z.object({
    /** rows after the header that hold anything */
    data: z.number().int(),
    screened: z.number().int(),
    invalid: z.number().int(),
    /** empty rows, skipped */
    blank: z.number().int(),
  }),
  /** what reading the rows turned up: data under a column with no name, and the like */
  notes: z.array(z.string()),
  programmes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      outcomes: Counts,
      candidates: z.object({
        total: z.number().int(),
        nearMiss: z.number().int(),
        undetermined: z.number().int(),
        /** the closest, ranked; every candidate is also marked on its own row */
        top: z.array(RankedCandidate),
      }),
    }),
  ),
  /** the first invalid rows' problems; every invalid row also carries all of its own */
  problems: z.array(CellProblem.extend({ row: z.number().int(), name: z.string().nullable() })),
  charts: z.object({
    scienceShare: z.object({ binWidth: z.number(), bins: z.array(z.number().int()), known: z.number().int() }),
    rd: z.object({
      known: z.number().int(),
      /** at most a few thousand, drawn evenly at random from every enterprise whose R&D ratio is known */
      points: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), ratio: z.number(), required: z.number(), latestSales: z.number(), outcome: Outcome })),
    }),
  }),
});
export type Summary = z.infer<typeof Summary>;

export const ProgrammeBasis = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.array(z.string()),
  conditions: z.array(z.object({ id: z.string(), label: z.string(), citations: z.array(Citation) })),
});
export type ProgrammeBasis = z.infer<typeof ProgrammeBasis>;

export const ScreeningHead = z.object({
  asOf: z.string(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ header: z.string(), fact: z.string(), moneyScale: z.number() })),
  ignoredColumns: z.array(z.object({ header: z.string(), reason: z.string() })),
  notes: z.array(z.string()),
  margins: z.array(z.string()),
  programmes: z.array(ProgrammeBasis),
});
export type ScreeningHead = z.infer<typeof ScreeningHead>;

/** `tongce screen --json`: the head, every enterprise in file order, then the summary. */
export const ScreeningJson = ScreeningHead.extend({ enterprises: z.array(ScreenedRow), summary: Summary });
