import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledge } from '../knowledge/index.js';
import { projectRoot } from '../knowledge/paths.js';
import { FEATURES, featureVector, leafOf, MODEL_PATH, probabilityOf, type AnswerabilityModel, type TreeNode } from '../knowledge/search/answerability.js';
import { comparable } from '../knowledge/text/normalize.js';
import { GoldQuestion, readJsonl } from './lib/gold.js';

/**
 * Fits the answerability decision (knowledge/search/answerability.ts) on the development questions ONLY: the
 * tuned gold set, the fresh set, the large blind development set, and the blind sets measured once each before
 * they became development data (questions-blind, questions-heldout2, questions-heldout3, questions-heldout4,
 * questions-heldout5, questions-heldout6), and the seventh round's blind development and validation set
 * (questions-dev7), the seventh round's blind set measured once (questions-heldout7), and the eighth round's blind development set
 * (questions-dev8, the merges' gate before it was developed on), and its blind set measured once (questions-heldout8). A
 * blind set not yet measured is never read here. Deterministic: no randomness, a fixed number of full-batch steps.
 *
 *   npm run build && node dist/bench/fit-answerability.js        → rewrites knowledge/search/answerability-model.json
 *   node dist/bench/fit-answerability.js --cv                     → the decision's leave-one-set-out figures
 */
export const FIT_SETS = ['questions.jsonl', 'questions-fresh.jsonl', 'questions-dev2.jsonl', 'questions-blind.jsonl', 'questions-heldout2.jsonl', 'questions-heldout3.jsonl', 'questions-heldout4.jsonl', 'questions-heldout5.jsonl', 'questions-heldout6.jsonl', 'questions-dev7.jsonl', 'questions-heldout7.jsonl', 'questions-dev8.jsonl', 'questions-heldout8.jsonl'];

/**
 * The share of the unanswerable questions the rules let through (another place or period, a missing figure, a concept
 * no text treats are theirs) that the model must turn away on a set written by someone new. The issue asks 85% in all.
 * The rules were written from the development sets and catch far more of theirs (420 of 602) than of a new writer's:
 * questions-heldout5, when fresh, 63 of 130. With about half caught by rule, 0.48 + 0.52 × 0.75 ≈ 0.87: the margin
 * over 0.85 a new writer's set has needed (heldout5 declined 0.738 where cross-validation had said 0.858). It was 0.7
 * while the decline targets stepped by 0.05 and the one chosen turned away 0.749 of the left-out sets; the targets now
 * step by 0.01, and 0.75 keeps the decision as strict as it was.
 *
 * The target is the model's own share, not the share in all with the rules' declines counted: counted in, every rule
 * added on the development sets let the model turn away less, and a new writer's set, which the rules catch less of,
 * then got a lenient model too (heldout5: 0.738 declined where cross-validation had said 0.858).
 */
export const MODEL_DECLINE_TARGET = 0.75;
/**
 * The shares of the training questions' model-decided unanswerable ones the threshold may be set to turn away.
 * Turning away a share on the questions it was fitted on turns away fewer on a new writer's (the more so as trees
 * fit their training questions closely): the one used is the lowest whose leave-one-set-out figures still reach
 * MODEL_DECLINE_TARGET (chooseDeclineTarget).
 */
export const DECLINE_TARGETS = Array.from({ length: 36 }, (_, i) => Math.round((0.6 + i / 100) * 100) / 100);
/**
 * The trees, chosen by leave-one-set-out among 100–300 trees of two or three levels (learning rate 0.05–0.1, leaves of
 * 1/60 to 1/30 of the questions): two levels, 150 trees, rate 0.1, no leaf under 1/50 of the questions (about 60).
 * The settings within ±0.005 of each other, the one kept turns away no set's unanswerable questions less than the
 * logistic model did by more than one question in fifty. A leaf that large cannot hold one writer's few questions
 * of one wording.
 */
const TREES = 150;
const DEPTH = 2;
const RATE = 0.1;
const LEAF_SHARE = 1/50;
/** shrinks each leaf's value towards 0 by this much weight (the Newton step's denominator) */
const LEAF_PRIOR = 1;

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
  return crossValidateTargets(qs, [declineTarget])[0]!;
}

/** The same for each decline target: each left-out set's trees are fitted once, only the threshold differs. */
export function crossValidateTargets(qs: Question[], declineTargets: number[]): Array<DecisionFigures & { perSet: DecisionFigures[] }> {
  const tally = () => ({ answerable: 0, r3: 0, rr: 0, unanswerable: 0, declined: 0, toModel: 0, byModel: 0 });
  const all = declineTargets.map(tally);
  const perSet = declineTargets.map((): DecisionFigures[] => []);
  for (const set of [...new Set(qs.map((q) => q.set))].sort((a, b) => a - b)) {
    const training = modelExamples(qs.filter((q) => q.set !== set));
    const trees = fitTrees(training);
    const trained = training.map((e) => scoreOf(e.x, trees));
    const left = qs.filter((q) => q.set === set);
    const scores = left.map((q) => (q.byRule ? 0 : scoreOf(q.x, trees)));
    declineTargets.forEach((target, k) => {
      const threshold = thresholdFor(training, trained, target);
      const t = tally();
      left.forEach((q, i) => {
        const accepted = !q.byRule && scores[i]! >= threshold;
        if (!q.answerable) {
          t.unanswerable++;
          if (!accepted) t.declined++;
          if (!q.byRule) {
            t.toModel++;
            if (!accepted) t.byModel++;
          }
          return;
        }
        t.answerable++;
        if (accepted && q.rank >= 0 && q.rank < 3) t.r3++;
        if (accepted && q.rank >= 0) t.rr += 1 / (q.rank + 1);
      });
      perSet[k]!.push(figuresOf(t));
      for (const key of Object.keys(t) as Array<keyof typeof t>) all[k]![key] += t[key];
    });
  }
  return all.map((t, k) => ({ ...figuresOf(t), perSet: perSet[k]! }));
}

function figuresOf(t: { answerable: number; r3: number; rr: number; unanswerable: number; declined: number; toModel: number; byModel: number }): DecisionFigures {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  // a set with no question of a kind has nothing to miss of it
  const share = (n: number, of: number) => (of === 0 ? 1 : round(n / of));
  return { recallAt3: share(t.r3, t.answerable), mrr: share(t.rr, t.answerable), declined: share(t.declined, t.unanswerable), modelDeclined: share(t.byModel, t.toModel) };
}

/**
 * The lowest decline target (so the most answers given) whose leave-one-set-out figures turn away MODEL_DECLINE_TARGET,
 * with those figures.
 */
function chosenTarget(qs: Question[]): { declineTarget: number; figures: DecisionFigures & { perSet: DecisionFigures[] } } {
  const figures = crossValidateTargets(qs, DECLINE_TARGETS);
  const k = figures.findIndex((f) => f.modelDeclined >= MODEL_DECLINE_TARGET);
  const at = k >= 0 ? k : DECLINE_TARGETS.length - 1;
  return { declineTarget: DECLINE_TARGETS[at]!, figures: figures[at]! };
}

export function chooseDeclineTarget(qs: Question[]): number {
  return chosenTarget(qs).declineTarget;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface Trees {
  trees: TreeNode[];
  /** each feature's share of what the cuts gained */
  importance: number[];
}

/** The probability the trees give a feature vector (FEATURES order). */
function scoreOf(x: number[], fitted: Trees): number {
  return sigmoid(fitted.trees.reduce((s, t) => s + RATE * leafOf(t, x), 0));
}

/**
 * Gradient-boosted regression trees on the log-loss, each class weighing half however many questions it has: each
 * tree is fitted, by Newton steps, to what the trees before it still get wrong. Deterministic: every cut is the best
 * (the first of equals, in FEATURES order), no sampling.
 */
export function fitTrees(data: Example[]): Trees {
  const n = data.length;
  const pos = data.filter((e) => e.y === 1).length;
  const weightOf = (y: number) => (y === 1 ? n / (2 * pos) : n / (2 * (n - pos)));
  const minLeaf = Math.max(1, Math.round(n * LEAF_SHARE));
  // each feature's examples in ascending order, sorted once: a node's are these filtered to its members
  const sorted = FEATURES.map((_, j) => data.map((_, i) => i).sort((a, b) => data[a]!.x[j]! - data[b]!.x[j]! || a - b));
  const gains = FEATURES.map(() => 0);
  const log = new Array<number>(n).fill(0);
  const g = new Array<number>(n).fill(0);
  const h = new Array<number>(n).fill(0);
  const trees: TreeNode[] = [];
  const grow = (members: boolean[], depth: number): TreeNode => {
    let G = 0;
    let H = 0;
    members.forEach((m, i) => { if (m) { G += g[i]!; H += h[i]!; } });
    const leaf = { value: -G / (H + LEAF_PRIOR) };
    if (depth === 0) return leaf;
    const count = members.filter(Boolean).length;
    let best = { gain: 0, feature: -1, at: 0 };
    FEATURES.forEach((_, j) => {
      const order = sorted[j]!.filter((i) => members[i]);
      let gl = 0;
      let hl = 0;
      for (let k = 0; k + 1 < order.length; k++) {
        const i = order[k]!;
        gl += g[i]!;
        hl += h[i]!;
        const v = data[i]!.x[j]!;
        const next = data[order[k + 1]!]!.x[j]!;
        if (v === next || k + 1 < minLeaf || count - k - 1 < minLeaf) continue;
        const gain = gl ** 2 / (hl + LEAF_PRIOR) + (G - gl) ** 2 / (H - hl + LEAF_PRIOR) - G ** 2 / (H + LEAF_PRIOR);
        if (gain > best.gain) best = { gain, feature: j, at: (v + next) / 2 };
      }
    });
    if (best.feature < 0) return leaf;
    gains[best.feature]! += best.gain;
    const below = members.map((m, i) => m && data[i]!.x[best.feature]! < best.at);
    const above = members.map((m, i) => m && data[i]!.x[best.feature]! >= best.at);
    return { feature: FEATURES[best.feature]!, at: best.at, below: grow(below, depth - 1), above: grow(above, depth - 1) };
  };
  for (let t = 0; t < TREES; t++) {
    data.forEach((e, i) => {
      const p = sigmoid(log[i]!);
      g[i] = (p - e.y) * weightOf(e.y);
      h[i] = p * (1 - p) * weightOf(e.y);
    });
    const tree = grow(data.map(() => true), DEPTH);
    trees.push(tree);
    data.forEach((e, i) => (log[i]! += RATE * leafOf(tree, e.x)));
  }
  const total = gains.reduce((a, b) => a + b, 0) || 1;
  return { trees, importance: gains.map((v) => v / total) };
}

/** The lowest threshold (so the most answers given) that still turns away declineTarget of the unanswerable examples. */
function thresholdFor(data: Example[], p: number[], declineTarget: number): number {
  const unanswerable = data.filter((e) => !e.answerable).length;
  let threshold = 0.95;
  for (let k = 95; k >= 5; k--) {
    const t = k / 100;
    const declined = data.filter((e, i) => !e.answerable && p[i]! < t).length;
    if (declined / unanswerable < declineTarget) break;
    threshold = t;
  }
  return threshold;
}

const ABOUT =
  'Whether the best clause answers the question (knowledge/search/answerability.ts): gradient-boosted regression trees ' +
  'of two levels over the evidence retrieval gives (features). The log-odds is rate × the sum of the leaves each tree ' +
  'reaches (a feature below its cut goes to below, else above); the answer is given when the logistic of it reaches ' +
  'threshold, set on the development questions the rules let through so that fittedOn.declineTarget of their ' +
  'unanswerable ones are turned away. importance: each feature\'s share of what the cuts gained. Fitted by ' +
  'bench/fit-answerability.ts on the development sets only.';

export function fit(data: Example[], declineTarget: number): AnswerabilityModel {
  const fitted = fitTrees(data);
  const threshold = thresholdFor(data, data.map((e) => scoreOf(e.x, fitted)), declineTarget);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const rounded = (node: TreeNode): TreeNode => ('value' in node ? { value: round(node.value) } : { ...node, at: round(node.at), below: rounded(node.below), above: rounded(node.above) });
  return {
    about: ABOUT,
    features: [...FEATURES],
    importance: Object.fromEntries(FEATURES.map((f, j) => [f, Math.round(fitted.importance[j]! * 1000) / 1000])),
    rate: RATE,
    threshold,
    fittedOn: { questions: data.length, answered: data.filter((e) => e.y === 1).length, answerableNotFound: data.filter((e) => e.answerable && e.y === 0).length, unanswerable: data.filter((e) => !e.answerable).length, declineTarget },
    trees: fitted.trees.map(rounded),
  };
}

/**
 * The model as stored: its description and figures one to a line, each tree on a line of its own (a reader looks up
 * a tree; a diff shows which trees a refit changed).
 */
function written(model: AnswerabilityModel): string {
  const { trees, ...described } = model;
  return `${JSON.stringify(described, null, 2).slice(0, -2)},\n  "trees": [\n${trees.map((t) => `    ${JSON.stringify(t)}`).join(',\n')}\n  ]\n}\n`;
}

/**
 * Retrieval reads the stored model when it gathers the questions' evidence; one stored for other features (a feature
 * just added) would stop it. A neutral model — no trees — stands in until the fit writes the real one: the evidence
 * and the rules' declines the fit uses do not depend on it.
 */
function storedModelFitsFeatures(): void {
  const stored = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as AnswerabilityModel;
  if (stored.features.join() === FEATURES.join()) return;
  const neutral: AnswerabilityModel = { about: 'neutral: stands in while the fit gathers evidence', features: [...FEATURES], importance: {}, rate: RATE, threshold: 0.5, fittedOn: {}, trees: [] };
  writeFileSync(MODEL_PATH, written(neutral));
  console.warn(`${MODEL_PATH} was fitted on other features: a neutral model stands in until this fit's is written`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stored = readFileSync(MODEL_PATH, 'utf8');
  storedModelFitsFeatures();
  const qs = questions();
  const { declineTarget, figures } = chosenTarget(qs);
  if (process.argv.includes('--cv')) {
    console.log(JSON.stringify({ declineTarget, sets: FIT_SETS, ...figures }));
    // judging writes no model: the stored one stays as it was, even when a neutral one stood in to gather the evidence
    writeFileSync(MODEL_PATH, stored);
  } else {
    const model = fit(modelExamples(qs), declineTarget);
    writeFileSync(MODEL_PATH, written(model));
    console.log(JSON.stringify({ declineTarget, threshold: model.threshold, fittedOn: model.fittedOn, importance: model.importance }));
  }
}
