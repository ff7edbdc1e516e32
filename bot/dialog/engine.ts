import type { Knowledge } from '../../knowledge/index.js';
import { cleanQuestion } from '../../knowledge/text/normalize.js';
import type { ProgrammeId } from '../../rules/engine/programme.js';
import { evaluate } from '../../rules/evaluate.js';
import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import type { Facts } from '../../rules/facts/schema.js';
import { toJson } from '../../rules/present/to-json.js';
import { parseYesNo } from '../understand/answers.js';
import { parseDate } from '../understand/dates.js';
import { extractFacts, type Proposal } from '../understand/extract.js';
import { factValue, listFacts, showValue, labelOf, validationProblem, withFact, type FactsRecord } from './facts.js';
import { confirmationMessage, confirmedProposals, toggleTick } from './confirmation.js';
import { classify, programmesNamed } from './intents.js';
import { interpretAnswer } from './interpret.js';
import type { Button, Input, Message } from './message.js';
import { ALL_PROGRAMMES, initialState, type DialogState, type Lang } from './state.js';
import { languageOf, say } from './texts.js';
import { verdictMessages } from './verdict.js';

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
}

export interface Turn {
  state: DialogState;
  facts: FactsRecord;
  messages: Message[];
  /** the user confirmed deleting everything: the channel removes the session */
  forget?: boolean;
}

/** After this many answers to one question are not understood, skipping and a person are offered. */
const MAX_ATTEMPTS = 3;
const MAX_TEXT = 2000;

interface Ctx {
  state: DialogState;
  facts: FactsRecord;
  deps: DialogDeps;
  lang: Lang;
  out: Message[];
}

function menuButtons(lang: Lang): Button[] {
  return [
    { label: say(lang, 'menuCheck'), action: 'check' },
    { label: say(lang, 'menuLookup'), action: 'lookup' },
    { label: say(lang, 'menuHuman'), action: 'human' },
  ];
}

function lastFiscalYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

// ---- asking ------------------------------------------------------------------------------------------------

/** The facts still worth asking, best first: the engine's ranking, for the programmes in play, minus skipped ones. */
function askable(ctx: Ctx, evaluation: ReturnType<typeof evaluate>): FactPath[] {
  const inPlay = evaluation.programmes.filter((p) => ctx.state.programmes.includes(p.id as ProgrammeId) && p.outcome === 'undetermined');
  const wanted = new Set(inPlay.flatMap((p) => p.missingFacts));
  // a fact already given is never asked again, whatever a rule still lists: asking it again could not end
  return evaluation.missingFacts.filter((f) => wanted.has(f) && !ctx.state.skipped.includes(f) && factValue(ctx.facts, f) === undefined);
}

function askMessage(ctx: Ctx, path: FactPath, remaining: number): Message {
  const info = describeFact(path, ctx.deps.today());
  const { lang } = ctx;
  const question = lang === 'zh' ? info.question : `${info.labelEn}${info.year ? ` (${info.year})` : ''}?`;
  const unit = info.unit && info.unit !== '项' ? `${say(lang, 'unit', { unit: info.unit })}；` : '';
  const progress = say(lang, 'progress', { n: ctx.state.asked, left: Math.max(0, remaining - 1) });
  const buttons: Button[] =
    info.kind === 'boolean'
      ? [{ label: say(lang, 'yes'), action: 'answer:true' }, { label: say(lang, 'no'), action: 'answer:false' }]
      : info.kind === 'choice'
        ? (info.choices ?? []).map((c) => ({ label: c.label, action: `answer:${c.value}` }))
        : [];
  buttons.push({ label: say(lang, 'dontKnow'), action: 'skip' });
  return {
    text: `${question}\n${unit}${progress}`,
    buttons,
    ask: { fact: path, kind: info.kind, ...(info.unit ? { unit: info.unit } : {}), ...(info.choices ? { choices: info.choices.map((c) => c.label) } : {}) },
  };
}

function profile(ctx: Ctx): Facts {
  // the dialog only ever stores validated values, so the record is a valid profile
  return ctx.facts as Facts;
}

/** Asks the next fact, or gives the verdict once every programme in play is decided (or nothing more can be asked). */
function proceed(ctx: Ctx): void {
  const asOf = ctx.deps.today();
  const evaluation = evaluate(profile(ctx), asOf);
  const open = askable(ctx, evaluation);
  const next = open[0];
  if (next) {
    const remaining = open.length;
    // asking the same fact again (after a correction, a side question) is not a new question
    const again = ctx.state.pending?.fact === next;
    ctx.state = { ...ctx.state, mode: 'collecting', pending: { fact: next, attempts: again ? ctx.state.pending!.attempts : 0 }, asked: ctx.state.asked + (again ? 0 : 1) };
    ctx.out.push(askMessage(ctx, next, remaining));
    return;
  }
  ctx.state = { ...ctx.state, mode: 'idle', pending: null };
  ctx.out.push(...verdictMessages(toJson(evaluation, ctx.deps.knowledge.resolve), ctx.state.programmes, ctx.lang));
  ctx.out[ctx.out.length - 1]!.buttons = [
    { label: say(ctx.lang, 'restartButton'), action: 'restart' },
    { label: say(ctx.lang, 'showFacts'), action: 'facts' },
    { label: say(ctx.lang, 'menuHuman'), action: 'human' },
  ];
}

function reask(ctx: Ctx, prefix?: string): void {
  const pending = ctx.state.pending;
  if (ctx.state.mode !== 'collecting' || !pending) return;
  const remaining = askable(ctx, evaluate(profile(ctx), ctx.deps.today())).length;
  const m = askMessage(ctx, pending.fact, remaining);
  ctx.out.push(prefix ? { ...m, text: `${prefix}\n${m.text}` } : m);
}

function startCheck(ctx: Ctx, programmes: ProgrammeId[]): void {
  const chosen = programmes.length ? programmes : [...ALL_PROGRAMMES];
  ctx.state = { ...ctx.state, programmes: chosen, skipped: [], asked: 0, pending: null, mode: 'collecting' };
  const names = chosen.map((p) => ({ 'kechuang-project-2023': '南通市科创项目', hnte: '高新技术企业', 'tech-sme': '科技型中小企业' })[p]).join('、');
  ctx.out.push({ text: say(ctx.lang, 'checkStart', { programmes: names }) });
  proceed(ctx);
}

// ---- facts from free text ----------------------------------------------------------------------------------

function propose(ctx: Ctx, proposals: Proposal[]): void {
  ctx.state = { ...ctx.state, proposals, resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle', mode: 'confirming' };
  ctx.out.push(confirmationMessage(proposals, ctx.lang));
}

/** Applies confirmed proposals one by one; a value the rules reject is reported and left out. */
function applyProposals(ctx: Ctx, proposals: Proposal[]): string[] {
  const problems: string[] = [];
  for (const p of proposals) {
    if (p.partial) continue;
    const next = withFact(ctx.facts, p.path, p.value);
    const problem = validationProblem(next, ctx.deps.today(), ctx.lang);
    if (problem) problems.push(`${labelOf(p.path, ctx.lang)}：${problem}`);
    else ctx.facts = next;
  }
  return problems;
}

/** `withModel: false` where facts are applied without a confirmation (corrections): a model only ever proposes. */
function factsIn(ctx: Ctx, text: string, withModel = true): Proposal[] {
  const today = ctx.deps.today();
  const found = extractFacts(text, { lastYear: lastFiscalYear(today), thisYear: Number(today.slice(0, 4)) });
  if (!withModel || !ctx.deps.llmFacts) return found;
  const known = new Set(found.map((p) => p.path));
  return [...found, ...ctx.deps.llmFacts(text, found).filter((p) => !known.has(p.path))];
}

// ---- answers -----------------------------------------------------------------------------------------------

function recordAnswer(ctx: Ctx, path: FactPath, value: unknown): string | null {
  const next = withFact(ctx.facts, path, value);
  const problem = validationProblem(next, ctx.deps.today(), ctx.lang);
  if (problem) return problem;
  ctx.facts = next;
  return null;
}

function notUnderstood(ctx: Ctx, expected: string): void {
  const pending = ctx.state.pending!;
  const attempts = pending.attempts + 1;
  ctx.state = { ...ctx.state, pending: { ...pending, attempts } };
  if (attempts >= MAX_ATTEMPTS) {
    ctx.out.push({
      text: `${say(ctx.lang, 'notUnderstood', { expected })}\n${say(ctx.lang, 'stuck')}`,
      buttons: [{ label: say(ctx.lang, 'skipButton'), action: 'skip' }, { label: say(ctx.lang, 'menuHuman'), action: 'human' }],
    });
    return;
  }
  reask(ctx, say(ctx.lang, 'notUnderstood', { expected }));
}

function answerPending(ctx: Ctx, text: string): boolean {
  const pending = ctx.state.pending!;
  const found = factsIn(ctx, text);
  // several facts in one answer (or a fact other than the one asked): confirm them all before use
  if (found.length > 1 || (found.length === 1 && found[0]!.path !== pending.fact)) {
    propose(ctx, found);
    return true;
  }
  const reading = interpretAnswer(pending.fact, text, ctx.lang);
  switch (reading.kind) {
    case 'skip':
      ctx.state = { ...ctx.state, skipped: [...ctx.state.skipped, pending.fact] };
      ctx.out.push({ text: say(ctx.lang, 'skipped') });
      proceed(ctx);
      return true;
    case 'partialDate':
      notUnderstood(ctx, say(ctx.lang, 'partialDate', { year: reading.year }));
      return true;
    case 'value': {
      const problem = recordAnswer(ctx, pending.fact, reading.value);
      if (problem) notUnderstood(ctx, say(ctx.lang, 'invalid', { reason: problem }));
      else proceed(ctx);
      return true;
    }
    case 'unclear':
      return false;
  }
}

// ---- side questions, help desk, corrections --------------------------------------------------------------

function jurisdictionOf(ctx: Ctx): string | null {
  const region = ctx.facts.region;
  return typeof region === 'string' && region !== '市外' ? region : null;
}

function lookup(ctx: Ctx, question: string): void {
  const result = ctx.deps.knowledge.ask(question, { jurisdiction: jurisdictionOf(ctx) });
  if (!result.covered && result.related.length > 0) {
    // the closest clauses, said to be only possibly related: pointers, never an answer
    ctx.out.push({ text: say(ctx.lang, 'related'), citations: result.related, buttons: menuButtons(ctx.lang), source: 'extractive' });
    return;
  }
  if (!result.covered) {
    ctx.out.push({ text: say(ctx.lang, 'uncovered'), buttons: menuButtons(ctx.lang), source: 'extractive' });
    return;
  }
  ctx.out.push({ text: result.answer, citations: result.citations, source: result.source ?? 'extractive' });
}

function helpdesk(ctx: Ctx, question: string): void {
  if (!ctx.deps.triage) return lookup(ctx, question);
  const desk = ctx.deps.triage(question, jurisdictionOf(ctx));
  ctx.out.push({ text: desk.text, ...(desk.citations?.length ? { citations: desk.citations } : {}), ...(desk.handoff ? { buttons: [{ label: say(ctx.lang, 'menuHuman'), action: 'human' }] } : {}) });
}

function human(ctx: Ctx, question: string | null): void {
  if (!ctx.deps.handoff) {
    const where = ctx.deps.contacts?.(question, jurisdictionOf(ctx));
    ctx.out.push(where ? { text: where.text, ...(where.citations?.length ? { citations: where.citations } : {}) } : { text: say(ctx.lang, 'humanNoDesk') });
    return;
  }
  const reference = ctx.deps.handoff(ctx.state.pending ? 'retry budget or request during a check' : 'user request', question);
  ctx.out.push({ text: say(ctx.lang, 'human', { ticket: reference, within: ctx.deps.staffReplyWithin ?? say(ctx.lang, 'staffSoon') }) });
}

/** "注册时间填错了，是2020年": the named fact takes the new value; a year alone keeps the month and day given before. */
function correct(ctx: Ctx, text: string): void {
  let found = factsIn(ctx, text, false);
  if (found.length === 0 && ctx.state.pending) {
    // "改为150人" while a fact is pending corrects that fact
    const reading = interpretAnswer(ctx.state.pending.fact, text.replace(/^.*?(改为|改成|应该是|是)/u, ''), ctx.lang);
    if (reading.kind === 'value') found = [{ path: ctx.state.pending.fact, value: reading.value, evidence: text }];
  }
  if (found.length === 0 && /注册|成立/u.test(text)) {
    const d = parseDate(text);
    if (d) found = [{ path: 'registrationDate', value: 'date' in d ? d.date : String(d.year), evidence: text, ...('date' in d ? {} : { partial: true }) }];
  }
  const resolved = found.map((p) => {
    const old = factValue(ctx.facts, p.path);
    if (p.partial && /^\d{4}$/u.test(String(p.value)) && typeof old === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(old)) {
      return { ...p, value: `${p.value}${old.slice(4)}`, partial: false };
    }
    return p;
  });
  if (resolved.length === 0 || resolved.every((p) => p.partial)) {
    ctx.out.push({ text: say(ctx.lang, 'correctionUnclear') });
    reask(ctx);
    return;
  }
  const problems = applyProposals(ctx, resolved);
  const applied = resolved.filter((p) => !p.partial && !problems.some((x) => x.startsWith(labelOf(p.path, ctx.lang))));
  ctx.out.push({ text: say(ctx.lang, 'corrected', { list: applied.map((p) => `${labelOf(p.path, ctx.lang)} → ${showValue(p.path, p.value, ctx.lang)}`).join('；') }) + (problems.length ? `\n${problems.join('\n')}` : '') });
  if (ctx.state.mode === 'collecting' || ctx.state.mode === 'idle') {
    if (ctx.state.mode === 'idle' && ctx.state.asked === 0) return;
    ctx.state = { ...ctx.state, skipped: ctx.state.skipped.filter((f) => !applied.some((p) => p.path === f)) };
    proceed(ctx);
  }
}

// ---- the turn ----------------------------------------------------------------------------------------------

function onAction(ctx: Ctx, action: string): void {
  const [verb, arg] = action.split(/:(.*)/su) as [string, string | undefined];
  switch (verb) {
    case 'check':
      return startCheck(ctx, arg ? ([arg] as ProgrammeId[]).filter((p) => ALL_PROGRAMMES.includes(p)) : []);
    case 'lookup':
      ctx.out.push({ text: say(ctx.lang, 'lookupHint') });
      return;
    case 'help':
      ctx.out.push({ text: say(ctx.lang, 'welcome'), buttons: menuButtons(ctx.lang) });
      return reask(ctx);
    case 'facts':
      return showFacts(ctx);
    case 'restart':
      return restart(ctx);
    case 'human':
      return human(ctx, null);
    case 'forget':
      return askForget(ctx);
    case 'forget-confirm':
    case 'forget-cancel':
      settleForget(ctx, verb === 'forget-confirm');
      return;
    case 'confirm':
    case 'reject':
      return settleProposals(ctx, verb === 'confirm');
    case 'tick':
      if (ctx.state.mode !== 'confirming' || !arg) return;
      ctx.state = { ...ctx.state, proposals: toggleTick(ctx.state.proposals, arg) };
      ctx.out.push(confirmationMessage(ctx.state.proposals, ctx.lang));
      return;
    case 'skip':
      if (ctx.state.mode === 'collecting' && ctx.state.pending) {
        ctx.state = { ...ctx.state, skipped: [...ctx.state.skipped, ctx.state.pending.fact] };
        ctx.out.push({ text: say(ctx.lang, 'skipped') });
        return proceed(ctx);
      }
      return;
    case 'answer':
      if (ctx.state.mode === 'collecting' && ctx.state.pending && arg !== undefined) {
        const info = describeFact(ctx.state.pending.fact);
        const fits = info.kind === 'boolean' ? arg === 'true' || arg === 'false' : info.kind === 'choice' && (info.choices ?? []).some((c) => c.value === arg);
        // a button left over from an earlier question answers nothing now
        if (!fits) return reask(ctx);
        const value = info.kind === 'boolean' ? arg === 'true' : arg;
        const problem = recordAnswer(ctx, ctx.state.pending.fact, value);
        if (problem) return notUnderstood(ctx, say(ctx.lang, 'invalid', { reason: problem }));
        return proceed(ctx);
      }
      return;
    default:
      ctx.out.push({ text: say(ctx.lang, 'welcome'), buttons: menuButtons(ctx.lang) });
  }
}

function showFacts(ctx: Ctx): void {
  const lines = listFacts(ctx.facts, ctx.lang);
  ctx.out.push({ text: lines.length ? say(ctx.lang, 'yourFacts', { list: lines.join('\n') }) : say(ctx.lang, 'noFacts') });
  reask(ctx);
}

function restart(ctx: Ctx): void {
  ctx.state = initialState(ctx.lang);
  ctx.facts = {};
  ctx.out.push({ text: say(ctx.lang, 'restarted'), buttons: menuButtons(ctx.lang) });
}

function askForget(ctx: Ctx): void {
  ctx.state = { ...ctx.state, mode: 'forgetting', resume: ctx.state.mode === 'collecting' ? 'collecting' : 'idle' };
  ctx.out.push({
    text: say(ctx.lang, 'forgetAsk'),
    buttons: [{ label: say(ctx.lang, 'forgetYes'), action: 'forget-confirm' }, { label: say(ctx.lang, 'forgetNo'), action: 'forget-cancel' }],
  });
}

function settleForget(ctx: Ctx, confirmed: boolean): boolean {
  if (ctx.state.mode !== 'forgetting') return false;
  if (confirmed) {
    ctx.state = initialState(ctx.lang);
    ctx.facts = {};
    ctx.out.push({ text: say(ctx.lang, 'forgotten') });
    return true;
  }
  ctx.state = { ...ctx.state, mode: ctx.state.resume };
  ctx.out.push({ text: say(ctx.lang, 'forgetCancelled') });
  reask(ctx);
  return false;
}

function settleProposals(ctx: Ctx, confirmed: boolean): void {
  if (ctx.state.mode !== 'confirming') return;
  const proposals = ctx.state.proposals;
  const resume = ctx.state.resume;
  ctx.state = { ...ctx.state, proposals: [], mode: resume };
  if (!confirmed) {
    ctx.out.push({ text: say(ctx.lang, 'proposalsRejected') });
    if (resume === 'collecting') reask(ctx);
    return;
  }
  const problems = applyProposals(ctx, confirmedProposals(proposals));
  ctx.out.push({ text: [say(ctx.lang, 'proposalsApplied'), ...problems].join('\n') });
  // facts given unprompted mean the user wants an assessment
  if (resume === 'idle' && ctx.state.asked === 0) return startCheck(ctx, ctx.state.programmes.length ? ctx.state.programmes : []);
  proceed(ctx);
}

function onText(ctx: Ctx, raw: string): boolean {
  const text = cleanQuestion(raw).slice(0, MAX_TEXT);
  if (!text) {
    ctx.out.push({ text: say(ctx.lang, 'welcome'), buttons: menuButtons(ctx.lang) });
    reask(ctx);
    return false;
  }
  const intent = classify(text);

  if (ctx.state.mode === 'forgetting') {
    const yes = parseYesNo(text);
    if (yes !== null) return settleForget(ctx, yes);
  }
  if (ctx.state.mode === 'confirming') {
    const yes = parseYesNo(text);
    if (yes !== null) {
      settleProposals(ctx, yes);
      return false;
    }
  }

  switch (intent.kind) {
    case 'help':
      ctx.out.push({ text: say(ctx.lang, 'welcome'), buttons: menuButtons(ctx.lang) });
      reask(ctx);
      return false;
    case 'restart':
      restart(ctx);
      return false;
    case 'forget':
      askForget(ctx);
      return false;
    case 'human':
      human(ctx, text);
      return false;
    case 'facts':
      showFacts(ctx);
      return false;
    case 'correction':
      correct(ctx, text);
      return false;
    case 'check': {
      const found = factsIn(ctx, text);
      ctx.state = { ...ctx.state, programmes: intent.programmes.length ? intent.programmes : [...ALL_PROGRAMMES] };
      if (found.length) {
        ctx.state = { ...ctx.state, mode: 'idle', asked: 0 };
        propose(ctx, found);
        return false;
      }
      startCheck(ctx, intent.programmes);
      return false;
    }
    default:
      break;
  }

  if (ctx.state.mode === 'collecting' && ctx.state.pending) {
    if (intent.kind !== 'question' && intent.kind !== 'helpdesk' && answerPending(ctx, text)) return false;
    if (intent.kind === 'question' || intent.kind === 'helpdesk') {
      // a side question: answer it with citations, then ask the pending question again
      if (intent.kind === 'helpdesk') helpdesk(ctx, text);
      else lookup(ctx, text);
      reask(ctx, say(ctx.lang, 'back'));
      return false;
    }
    const reading = interpretAnswer(ctx.state.pending.fact, text, ctx.lang);
    notUnderstood(ctx, reading.kind === 'unclear' ? reading.expected : say(ctx.lang, 'expectText'));
    return false;
  }

  if (ctx.state.mode === 'confirming') {
    ctx.out.push(confirmationMessage(ctx.state.proposals, ctx.lang));
    return false;
  }

  // idle: facts told unprompted start an assessment; otherwise it is a question
  const found = intent.kind === 'question' ? [] : factsIn(ctx, text);
  if (found.length) {
    const named = programmesNamed(text);
    ctx.state = { ...ctx.state, programmes: named.length ? named : [...ALL_PROGRAMMES] };
    propose(ctx, found);
    return false;
  }
  if (intent.kind === 'helpdesk') helpdesk(ctx, text);
  else lookup(ctx, text);
  return false;
}

/**
 * One turn of the conversation: the user's input and the session in, the new session and the replies out.
 * Pure and synchronous (rules and retrieval are), so a channel can run it inside the turn's transaction.
 */
export function respond(input: Input, session: { state: DialogState; facts: FactsRecord }, deps: DialogDeps): Turn {
  const text = typeof input.text === 'string' ? input.text : '';
  const lang = languageOf(text) ?? session.state.lang;
  const ctx: Ctx = { state: { ...session.state, lang }, facts: session.facts, deps, lang, out: [] };
  let forget = false;
  if (input.action) {
    const wasForgetting = ctx.state.mode === 'forgetting';
    onAction(ctx, input.action);
    forget = wasForgetting && input.action === 'forget-confirm';
  } else {
    forget = onText(ctx, text);
  }
  if (ctx.out.length === 0) ctx.out.push({ text: say(ctx.lang, 'welcome'), buttons: menuButtons(ctx.lang) });
  return { state: ctx.state, facts: ctx.facts, messages: ctx.out, ...(forget ? { forget: true } : {}) };
}
