import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversations } from '../bot/conversation.js';
import type { Message } from '../bot/dialog/message.js';
import { openKnowledge } from '../knowledge/index.js';
import { evaluate } from '../rules/evaluate.js';
import { describeFact, type FactPath } from '../rules/facts/catalog.js';
import type { Facts } from '../rules/facts/schema.js';
import { REGISTRY } from '../rules/programmes/index.js';
import { enterprise, rng } from './lib/enterprises.js';
import { round } from './lib/metrics.js';
import { ownerCorrection, ownerNameFor, ownerTyped } from './lib/owner-typing.js';
import { askedFact, valueAt } from './lib/scripted-user.js';
import { typed } from './lib/typed.js';

const AS_OF = '2026-11-22';
const PROGRAMMES = REGISTRY.ids;
/** each programme on its own, then all of them in one check (the menu's 评估我能认定什么) */
const CHECKS = [...PROGRAMMES, 'all'];
/** How often the owner mistypes a figure and corrects it a question later, naming it. */
const SLIP_RATE = 0.12;

const info = (fact: string) => describeFact(fact as FactPath).unit;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every fact path in a record, per-year facts one year at a time. */
function paths(facts: Record<string, unknown>): string[] {
  return Object.entries(facts).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.keys(v).map((y) => `${k}.${y}`) : [k]));
}

/**
 * The owner who types as people do (bench/lib/owner-typing.ts) checks each programme to its verdict: are the
 * verdicts right (the rules' outcome on the owner's complete profile), how many answers were asked again, how
 * many questions it took against the static form, and whether every correction changed exactly the fact it named.
 */
export async function runTypingOwnerBench(options: { profiles?: number } = {}): Promise<Record<string, unknown>> {
  const n = options.profiles ?? 150;
  const dataDir = mkdtempSync(join(tmpdir(), 'tongce-typing-bench-'));
  const knowledge = openKnowledge({ dataDir });
  const conversations = new Conversations({ dataDir, knowledge, today: () => AS_OF });
  const empty = evaluate({} as Facts, AS_OF);
  const formSize: Record<string, number> = { ...Object.fromEntries(empty.programmes.map((p) => [p.id, p.missingFacts.length])), all: empty.missingFacts.length };
  const random = rng(7);
  const perProgramme: Record<string, { questions: number[]; right: number; wrong: number; noVerdict: number }> = {};
  let answers = 0;
  let reasked = 0;
  const corrections = { made: 0, rightFact: 0, wrongFact: 0, notApplied: 0 };
  const reaskedExamples: string[] = [];
  let guessesConfirmed = 0;
  const wrongExamples: string[] = [];
  const correctionMisses: string[] = [];

  for (let i = 0; i < n; i++) {
    const profile = enterprise(random, AS_OF);
    const truth = evaluate(profile as Facts, AS_OF);
    for (const programme of CHECKS) {
      const user = `typing-${i}-${programme}`;
      const send = (text: string): Message[] => conversations.handle('web', user, { text }).messages;
      const factsNow = () => (conversations.store.get(user)?.facts ?? {}) as Record<string, unknown>;
      let messages = conversations.handle('web', user, { action: programme === 'all' ? 'check' : `check:${programme}` }).messages;
      let questions = 0;
      let slip: { fact: string; text: string } | null = null;
      let tries = 0;
      const said: string[] = [];
      const confirming = () => messages.some((m) => m.buttons?.some((b) => b.action === 'confirm')) && !askedFact(messages);
      for (let fact = askedFact(messages); (fact || slip || confirming()) && questions < 80; fact = askedFact(messages)) {
        if (confirming()) {
          // the dialog read a guess (软件 → 电子信息) and asks to confirm it: the owner says yes
          guessesConfirmed++;
          messages = send('对');
          continue;
        }
        if (slip) {
          // the correction comes while another question is pending: it must change the fact it names, and only that
          const before = factsNow();
          messages = send(slip.text);
          const after = factsNow();
          corrections.made++;
          const changedElsewhere = paths(after).some((p) => p !== slip!.fact && !sameValue(valueAt(before, p), valueAt(after, p)));
          if (changedElsewhere) corrections.wrongFact++;
          else if (sameValue(valueAt(after, slip.fact), valueAt(profile, slip.fact))) corrections.rightFact++;
          else corrections.notApplied++;
          if (!sameValue(valueAt(after, slip.fact), valueAt(profile, slip.fact)) && correctionMisses.length < 20) correctionMisses.push(`${slip.fact}: ${slip.text}${changedElsewhere ? ' (changed another fact)' : ''}`);
          slip = null;
          continue;
        }
        if (!fact) break;
        const value = valueAt(profile, fact);
        const again = tries > 0;
        let text: string;
        if (value === undefined) text = '不知道';
        else if (tries === 1) text = typed(fact, value);
        else if (tries >= 2) text = '不知道';
        else {
          const name = ownerNameFor(random, fact, AS_OF);
          if (name && typeof value === 'number' && value > 0 && random() < SLIP_RATE) {
            // a dropped zero, the commonest slip; a count one off
            const wrong = info(fact) === '万元' ? Math.floor(value / 10) : value - 1;
            text = ownerTyped(random, fact, wrong, AS_OF);
            slip = { fact, text: ownerCorrection(random, name, typed(fact, value)) };
          } else text = ownerTyped(random, fact, value, AS_OF);
        }
        if (!again) questions++;
        answers++;
        said.push(`${fact}=${text}`);
        messages = send(text);
        if (askedFact(messages) === fact && slip) {
          // the slip itself was refused (it broke a cross-check): nothing to correct
          slip = null;
          tries = 0;
        } else if (askedFact(messages) === fact && value !== undefined && text !== '不知道') {
          reasked++;
          tries++;
          if (reaskedExamples.length < 40) reaskedExamples.push(`${said.join(" · ")} → ${fact}: ${text} [${messages.map((m) => m.text.split('\n')[0]).join(' / ').slice(0, 120)}]`);
        } else tries = 0;
      }
      const evaluation = messages.findLast((m) => m.evaluation)?.evaluation;
      const entry = (perProgramme[programme] ??= { questions: [], right: 0, wrong: 0, noVerdict: 0 });
      entry.questions.push(questions);
      const ids = programme === 'all' ? PROGRAMMES : [programme];
      if (!evaluation) entry.noVerdict++;
      else if (ids.every((id) => evaluation.programmes.find((p) => p.id === id)?.outcome === truth.programmes.find((p) => p.id === id)!.outcome)) entry.right++;
      else {
        entry.wrong++;
        if (wrongExamples.length < 10) wrongExamples.push(`${programme}: ${said.join(' · ')}`);
      }
    }
  }

  const programmes = Object.fromEntries(
    Object.entries(perProgramme).map(([id, e]) => {
      const mean = e.questions.reduce((a, b) => a + b, 0) / e.questions.length;
      return [id, { meanQuestions: round(mean, 2), staticForm: formSize[id], share: round(mean / formSize[id]!, 3), verdictsRight: e.right, verdictsWrong: e.wrong, noVerdict: e.noVerdict, dialogs: e.questions.length }];
    }),
  );
  return {
    profiles: n,
    programmes,
    answers,
    reasked,
    reaskedShare: round(reasked / Math.max(1, answers), 4),
    corrections,
    guessesConfirmed,
    reaskedExamples,
    wrongExamples,
    correctionMisses,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runTypingOwnerBench({ profiles: Number(process.argv[2] ?? 150) }), null, 2));
}
