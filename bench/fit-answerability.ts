import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge } from '../knowledge/index.js';
import { projectRoot } from '../knowledge/paths.js';
import { FEATURES, featureVector, MODEL_PATH, probabilityOf, type AnswerabilityModel } from '../knowledge/search/answerability.js';
import { comparable } from '../knowledge/text/normalize.js';
import { GoldQuestion, readJsonl } from './lib/gold.js';

/**
 * Fits the answerability decision (knowledge/search/answerability.ts) on the development questions ONLY: the
 * tuned gold set, the fresh set, the large blind development set, and the blind sets measured once each before
 * they became development data (questions-blind, questions-heldout2, questions-heldout3, questions-heldout4,
 * questions-heldout5, questions-heldout6), and the seventh round's blind development and validation set
 * (questions-dev7), and the seventh round's blind set measured once (questions-heldout7). A
 * blind set not yet measured is never read here. Deterministic: no randomness, a fixed number of full-batch steps.
 *
 *   npm run build && node dist/bench/fit-answerability.js        → rewrites knowledge/search/answerability-model.json
 *   node dist/bench/fit-answerability.js --cv                     → the decision's leave-one-set-out figures
 */
export const FIT_SETS = ['questions.jsonl', 'questions-fresh.jsonl', 'questions-dev2.jsonl', 'questions-blind.jsonl', 'questions-heldout2.jsonl', 'questions-heldout3.jsonl', 'questions-heldout4.jsonl', 'questions-heldout5.jsonl', 'questions-heldout6.jsonl', 'questions-dev7.jsonl', 'questions-heldout7.jsonl'];

const L2 = 0.01;
/**
 * The share of the unanswerable questions the rules let through (another place or period, a missing figure, a concept
 * no text treats are theirs) that the model must turn away on a set written by someone new. The issue asks 85% in all.
 * The rules were written from the development sets and catch far more of theirs (420 of 602) than of a new writer's:
 * questions-heldout5, when fresh, 63 of 130. With about half caught by rule, 0.48 + 0.52 × 0.7 ≈ 0.85.
 *
 * The target is the model's own share, not the share in all with the rules' declines counted: counted in, every rule
 * added on the development sets let the model turn away less, and a new writer's set, which the rules catch less of,
 * then got a lenient model too (heldout5: 0.738 declined where cross-validation had said 0.858).
 */
const MODEL_DECLINE_TARGET = 0.7;
/**
 * The shares of the training questions' model-decided unanswerable ones the threshold may be set to turn away.
 * Turning away a share on the questions it was fitted on turns away fewer on a new writer's: the one used is the
 * lowest whose leave-one-set-out figures still reach MODEL_DECLINE_TARGET (chooseDeclineTarget).
 */
const DECLINE_TARGETS = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const STEPS = 4000;
const RATE = 0.5;

interface Example {
  x: number[];
  /** 1 when the question is answerable and the best clauses hold its answer (top 3) */
  y: number;
  answerable: boolean;
}

/** A development question as retrieval sees it: the model's example, or one the rules turn away before the model. */
export interface Question extends Example {
  /** which development set (index in FIT_SETS) it comes from: one writer, one wording */
  set: number;
  byRule: boolean;
  /** where the expected clause ranks (0-based, within 10), -1 when it is not there or the question is unanswerable */
  rank: number;
}

function questions(): Question[] {
  const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-fit-')) });
  const out: Question[] = [];
  for (const [set, file] of FIT_SETS.entries()) {
    for (const g of readJsonl(join(projectRoot(), 'bench', 'gold', file), GoldQuestion)) {
      const r = knowledge.retrieve(g.q, { k: 10, jurisdiction: g.jurisdiction ?? null });
      const answerable = 'expect' in g;
      // questions turned away by rule (another place or period, a figure the best clause lacks, a concept no text treats) are not the model's
      const byRule = !r.evidence || (r.uncovered !== undefined && r.uncovered !== 'weak');
      const rank = answerable ? r.hits.findIndex((h) => g.expect.every((e) => comparable(h.clause.fullText).includes(comparable(e)))) : -1;
      out.push({ set, x: r.evidence ? featureVector(r.evidence) : [], y: rank >= 0 && rank < 3 ? 1 : 0, answerable, byRule, rank });
    }
  }
  return out;
}

const modelExamples = (qs: Question[]) => qs.filter((q) => !q.byRule);

export interface DecisionFigures {
  /** answerable questions answered with the expected clause in the top 3, and their reciprocal rank */
  recallAt3: number;
  mrr: number;
  /** unanswerable questions turned away, by rule or by the model */
  declined: number;
  /** of the unanswerable questions the rules let through, the share the model turns away */
  modelDeclined: number;
}

/**
 * The decision judged on questions it was not fitted on, the way a new writer's set judges it: each development set
 * in turn is answered by a model fitted, threshold and all, on the other sets. Random folds would share each set's
 * wording between training and test and overstate the figures (5-fold: recall@3 0.913; heldout3 then gave 0.835).
 * The figures are pooled over all the sets' questions, and given per set.
 */
export function crossValidate(qs: Question[], declineTarget: number): DecisionFigures & { perSet: DecisionFigures[] } {
  const tally = () => ({ answerable: 0, r3: 0, rr: 0, unanswerable: 0, declined: 0, toModel: 0, byModel: 0 });
  const all = tally();
  const perSet: DecisionFigures[] = [];
  for (const set of [...new Set(qs.map((q) => q.set))].sort((a, b) => a - b)) {
    const model = fit(modelExamples(qs.filter((q) => q.set !== set)), declineTarget);
    const t = tally();
    for (const q of qs.filter((q) => q.set === set)) {
      const accepted = !q.byRule && probabilityOf(q.x, model) >= model.threshold;
      if (!q.answerable) {
        t.unanswerable++;
        if (!accepted) t.declined++;
        if (!q.byRule) {
          t.toModel++;
          if (!accepted) t.byModel++;
        }
        continue;
      }
      t.answerable++;
      if (accepted && q.rank >= 0 && q.rank < 3) t.r3++;
      if (accepted && q.rank >= 0) t.rr += 1 / (q.rank + 1);
    }
    perSet.push(figuresOf(t));
    for (const k of Object.keys(all) as Array<keyof typeof all>) all[k] += t[k];
  }
  return { ...figuresOf(all), perSet };
}

function figuresOf(t: { answerable: number; r3: number; rr: number; unanswerable: number; declined: number; toModel: number; byModel: number }): DecisionFigures {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  // a set with no question of a kind has nothing to miss of it
  const share = (n: number, of: number) => (of === 0 ? 1 : round(n / of));
  return { recallAt3: share(t.r3, t.answerable), mrr: share(t.rr, t.answerable), declined: share(t.declined, t.unanswerable), modelDeclined: share(t.byModel, t.toModel) };
}

/** The lowest decline target (so the most answers given) whose leave-one-set-out figures turn away MODEL_DECLINE_TARGET. */
export function chooseDeclineTarget(qs: Question[]): number {
  return DECLINE_TARGETS.find((t) => crossValidate(qs, t).modelDeclined >= MODEL_DECLINE_TARGET) ?? DECLINE_TARGETS[DECLINE_TARGETS.length - 1]!;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fit(data: Example[], declineTarget: number): AnswerabilityModel {
  const d = FEATURES.length;
  const mean = FEATURES.map((_, j) => data.reduce((s, e) => s + e.x[j]!, 0) / data.length);
  const scale = FEATURES.map((_, j) => Math.sqrt(data.reduce((s, e) => s + (e.x[j]! - mean[j]!) ** 2, 0) / data.length) || 1);
  const xs = data.map((e) => e.x.map((v, j) => (v - mean[j]!) / scale[j]!));
  // each class weighs half, however many questions it has
  const pos = data.filter((e) => e.y === 1).length;
  const weightOf = (y: number) => (y === 1 ? data.length / (2 * pos) : data.length / (2 * (data.length - pos)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const err = (sigmoid(x.reduce((s, v, j) => s + v * w[j]!, b)) - data[i]!.y) * weightOf(data[i]!.y);
      x.forEach((v, j) => (gw[j]! += err * v));
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j]! -= RATE * (gw[j]! / data.length + L2 * w[j]!);
    b -= RATE * (gb / data.length);
  }
  const p = xs.map((x) => sigmoid(x.reduce((s, v, j) => s + v * w[j]!, b)));
  // the lowest threshold (so the most answers given) that still turns away declineTarget of the unanswerable ones
  // the rules let through
  const unanswerable = data.filter((e) => !e.answerable).length;
  let threshold = 0.95;
  for (let k = 95; k >= 5; k--) {
    const t = k / 100;
    const declined = data.filter((e, i) => !e.answerable && p[i]! < t).length;
    if (declined / unanswerable < declineTarget) break;
    threshold = t;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    features: [...FEATURES], mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: round(b), threshold,
    fittedOn: { questions: data.length, answered: pos, answerableNotFound: data.filter((e) => e.answerable && e.y === 0).length, unanswerable: data.filter((e) => !e.answerable).length, declineTarget },
  };
}

/**
 * Retrieval reads the stored model when it gathers the questions' evidence; one stored for other features (a feature
 * just added) would stop it. A neutral model — no weights — stands in until the fit writes the real one: the evidence
 * and the rules' declines the fit uses do not depend on it.
 */
function storedModelFitsFeatures(): void {
  const stored = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as AnswerabilityModel;
  if (stored.features.join() === FEATURES.join()) return;
  const zeros = FEATURES.map(() => 0);
  const neutral: AnswerabilityModel = { features: [...FEATURES], mean: zeros, scale: FEATURES.map(() => 1), weights: zeros, bias: 0, threshold: 0.5, fittedOn: {} };
  writeFileSync(MODEL_PATH, JSON.stringify(neutral, null, 2) + '\n');
  console.warn(`${MODEL_PATH} was fitted on other features: a neutral model stands in until this fit's is written`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stored = readFileSync(MODEL_PATH, 'utf8');
  storedModelFitsFeatures();
  const qs = questions();
  const declineTarget = chooseDeclineTarget(qs);
  if (process.argv.includes('--cv')) {
    console.log(JSON.stringify({ declineTarget, sets: FIT_SETS, ...crossValidate(qs, declineTarget) }));
    // judging writes no model: the stored one stays as it was, even when a neutral one stood in to gather the evidence
    writeFileSync(MODEL_PATH, stored);
  } else {
    const model = fit(modelExamples(qs), declineTarget);
    writeFileSync(MODEL_PATH, JSON.stringify(model, null, 2) + '\n');
    console.log(JSON.stringify(model));
  }
}
