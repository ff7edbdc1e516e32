import type { FactPath } from '../../rules/facts/catalog.js';
import { REGISTRY } from '../../rules/programmes/index.js';
import type { Proposal } from '../understand/extract.js';

export type Lang = 'zh' | 'en';

/** What a conversation is doing; each mode has its handler (modes.ts). */
export type Mode = 'idle' | 'collecting' | 'confirming' | 'forgetting' | 'resetting';

/** One fact a correction changed: enough to put it back exactly (`had: false` — it had no value before). */
export interface FactChange {
  path: string;
  had: boolean;
  before?: unknown;
  after: unknown;
}

/** Where a conversation stands; stored as JSON with the session after every turn. */
export interface DialogState {
  lang: Lang;
  mode: Mode;
  /** the ids of the programmes the user asked about (every programme of the registry by default) */
  programmes: string[];
  /** the fact the last message asked for, and how many answers to it were not understood */
  pending: { fact: FactPath; attempts: number } | null;
  /** facts read from a free-text message, waiting for the user's confirmation */
  proposals: Proposal[];
  /** what to return to once the proposals (or a reset or forget question) are settled */
  resume: 'collecting' | 'idle';
  /** facts the user does not know: recorded as unknown, never asked again in this check */
  skipped: FactPath[];
  /** questions asked in this check, for the progress shown */
  asked: number;
  /** the last correction applied, for 撤销; absent in sessions stored before corrections could be undone */
  lastCorrection?: FactChange[] | null;
  /** ruled-out programmes the user asked to check in full (继续核对其他条件); absent in sessions stored before */
  checkInFull?: string[];
}

export function initialState(lang: Lang = 'zh', programmes: readonly string[] = REGISTRY.ids): DialogState {
  return { lang, mode: 'idle', programmes: [...programmes], pending: null, proposals: [], resume: 'idle', skipped: [], asked: 0, lastCorrection: null, checkInFull: [] };
}
