import { z } from 'zod';

/**
 * Facts the texts state in tables (and the target sentences of their 目标 sections), as typed records made at
 * index time. Each points at the clause (a table row, a sentence's clause) it comes from, which answers cite.
 */
export const ParkRecord = z.object({
  kind: z.literal('park'),
  clauseId: z.string(),
  region: z.string(),
  park: z.string(),
  /** the 主攻方向 cell */
  directions: z.string(),
  /** the row's text the park is named in, as written */
  cell: z.string(),
});

export const TargetRecord = z.object({
  kind: z.literal('target'),
  clauseId: z.string(),
  /** the 区/县 or unit the figure is set for */
  place: z.string(),
  /** the year the figure is due (到2024年), or the plan year when the text names none */
  year: z.number().int().nullable(),
  /** what is counted: 全区有效高新技术企业, 其中高企招引数 */
  subject: z.string(),
  figure: z.string(),
  /** the words of the text that state it, verbatim */
  statement: z.string(),
});

export const TaskRecord = z.object({
  kind: z.literal('task'),
  clauseId: z.string(),
  task: z.string(),
  lead: z.string().nullable(),
  responsible: z.string().nullable(),
  deadline: z.string().nullable(),
});

export const ActivityRecord = z.object({
  kind: z.literal('activity'),
  clauseId: z.string(),
  place: z.string(),
  name: z.string(),
  content: z.string(),
  date: z.string(),
  host: z.string(),
  organiser: z.string(),
  type: z.string(),
});

export const TableRecord = z.discriminatedUnion('kind', [ParkRecord, TargetRecord, TaskRecord, ActivityRecord]);
export type TableRecord = z.infer<typeof TableRecord>;
export type ParkRecord = z.infer<typeof ParkRecord>;
export type TargetRecord = z.infer<typeof TargetRecord>;
export type TaskRecord = z.infer<typeof TaskRecord>;
export type ActivityRecord = z.infer<typeof ActivityRecord>;
