import type { Knowledge } from '../../knowledge/index.js';
import type { Facts } from '../../rules/facts/schema.js';
import { REGISTRY, type ProgrammeRegistry } from '../../rules/programmes/index.js';
import { extractFacts, type Proposal } from '../understand/extract.js';
import type { FactsRecord } from './facts.js';
import type { Button, Message } from './message.js';
import type { DialogState, Lang } from './state.js';
import { listed, say } from './texts.js';

/** A help-desk answer: who handles a question, with the clause that says so. */
export interface DeskAnswer {
  text: string;
  citations: Message['citations'];
  handoff: boolean;
}

export interface DialogDeps {
  knowledge: Knowledge;
  /** the evaluation date, YYYY-MM-DD */
  today(): string;
  /** routes a help-desk question to a department, where triage is available */
  triage?(question: string, jurisdiction: string | null): DeskAnswer;
  /** opens a ticket for a person; returns its reference number */
  handoff?(reason: string, question: string | null): string;
  /** with a staff desk: how soon staff reply, as the user is told ("1个工作日内") */
  staffReplyWithin?: string;
  /** without a staff desk: whom to contact instead, from the documents */
  contacts?(question: string | null, jurisdiction: string | null): DeskAnswer;
  /**
   * facts a language model read from the message (worked out before the turn: the turn is synchronous), added
   * to what the patterns found; like those, they are proposals the user confirms before they are used
   */
  llmFacts?(text: string, found: Proposal[]): Proposal[];
  /** the programmes judged, named and asked about; default the production registry (a test adds a fixture one) */
  programmes?: ProgrammeRegistry;
}

/** One turn in progress: the session as it changes, and the replies so far. */
export interface Ctx {
  state: DialogState;
  facts: FactsRecord;
  deps: DialogDeps;
  lang: Lang;
  out: Message[];
}

export function menuButtons(lang: Lang): Button[] {
  return [
    { label: say(lang, 'menuCheck'), action: 'check' },
    { label: say(lang, 'menuLookup'), action: 'lookup' },
    { label: say(lang, 'menuHuman'), action: 'human' },
  ];
}

/** The programmes this conversation judges and names. */
export function programmesOf(ctx: Ctx): ProgrammeRegistry {
  return ctx.deps.programmes ?? REGISTRY;
}

export function welcome(ctx: Ctx): void {
  const names = listed(ctx.lang, programmesOf(ctx).entries.map((e) => e.name[ctx.lang]));
  ctx.out.push({ text: say(ctx.lang, 'welcome', { programmes: names }), buttons: menuButtons(ctx.lang) });
}

/** The years a message's 去年 / 今年 stand for, as of the evaluation date. */
export function yearsOf(today: string): { lastYear: number; thisYear: number } {
  const thisYear = Number(today.slice(0, 4));
  return { lastYear: thisYear - 1, thisYear };
}

export function profile(ctx: Ctx): Facts {
  // the dialog only ever stores validated values and never a null (withFact, respond), so the record is a valid profile
  return ctx.facts as Facts;
}

/** Facts a message states; while a question is pending, only those it names (its bare figure answers the question). */
export function factsIn(ctx: Ctx, text: string): Proposal[] {
  const found = extractFacts(text, yearsOf(ctx.deps.today()), { unnamed: !ctx.state.pending });
  if (!ctx.deps.llmFacts) return found;
  const known = new Set(found.map((p) => p.path));
  return [...found, ...ctx.deps.llmFacts(text, found).filter((p) => !known.has(p.path))];
}
