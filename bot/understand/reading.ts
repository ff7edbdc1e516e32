/**
 * What an owner's answer to one question says, before the dialog decides what to do with it. The kinds follow the
 * blind answer set's conventions (bench/gold/dialog/README.md): an exact value, a range, a month or a year for a
 * date, a figure that does not exist, "I don't know", a guess to confirm, something to ask back, or no answer.
 */
export type Reading =
  | { kind: 'value'; value: unknown }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'guess'; value: unknown }
  | { kind: 'ask'; why: AskWhy }
  | { kind: 'reject' };

/** Why an answer is asked back rather than read. */
export type AskWhy = 'vague' | 'which' | 'share' | 'part-time' | 'not registered' | 'ambiguous date' | 'which region' | 'unit' | 'fraction' | 'year';

/** The fixed words an owner uses to say they do not know (the fact stays unknown and is not asked again). */
export const UNKNOWN_WORDS = /不(太|大)?(知道|清楚|晓得|记得|确定|了解)|^不知[。.!！]*$|没听说过|不好说|没统计|问会计|不方便|不想说|忘(了|记)|记不(清|得|住)|说不(准|好|清)|没数|搞不清|得问|问问财务|问下财务|要问|^(跳过|略过|pass|skip|unknown|不懂)[。.!！]*$/iu;
