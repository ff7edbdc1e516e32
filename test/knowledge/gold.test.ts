import { describe, expect, it } from 'vitest';
import { GoldQuestion, readJsonl } from '../../bench/lib/gold.js';
import { measure, tongceRanker } from '../../bench/retrieval-quality.js';
import { testKnowledge } from '../helpers/knowledge.js';

// Floors a little under the measured numbers (bench/results.md): a retrieval change that loses ground fails here.
// The answerability decision is fitted on questions.jsonl, questions-fresh.jsonl and questions-dev2.jsonl together
// (bench/fit-answerability.ts), so the first set no longer gets a threshold of its own: its recall with the
// decision is lower than under the old one, its unanswerable questions are turned away more often. Since issue 15's
// fourth round the decision is fitted on questions-heldout3.jsonl too, with the decline target chosen by
// leave-one-set-out cross-validation (0.88): this set's declines went from 36 to 35 of 37.
describe('retrieval quality on the gold set', () => {
  const knowledge = testKnowledge();
  const gold = readJsonl('bench/gold/questions.jsonl', GoldQuestion);
  const report = measure(gold, tongceRanker(knowledge));

  it('has the size the issue asks for', () => {
    expect(report.questions).toBeGreaterThanOrEqual(120);
    expect(report.uncovered).toBeGreaterThanOrEqual(20);
  });

  it('finds the expected clause among the top three cited', () => {
    expect(report.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(report.mrr).toBeGreaterThanOrEqual(0.9);
  });

  it('answers most unanswerable questions with covered: false', () => {
    expect(report.uncoveredDetected).toBeGreaterThanOrEqual(0.94);
    const dev = measure(readJsonl('bench/gold/questions-dev2.jsonl', GoldQuestion), tongceRanker(knowledge));
    expect(dev.questions).toBeGreaterThanOrEqual(400);
    // 0.853 with the sixth round's decline rules and the model's own decline share (bench/fit-answerability.ts)
    expect(dev.uncoveredDetected).toBeGreaterThanOrEqual(0.84);
    expect(dev.recallAt3).toBeGreaterThanOrEqual(0.95);
  });

  it('holds up on the sets written without looking at the retrieval code', () => {
    const fresh = measure(readJsonl('bench/gold/questions-fresh.jsonl', GoldQuestion), tongceRanker(knowledge));
    expect(fresh.questions).toBeGreaterThanOrEqual(60);
    expect(fresh.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(fresh.uncoveredDetected).toBeGreaterThanOrEqual(0.85);
    const blind = measure(readJsonl('bench/gold/questions-blind.jsonl', GoldQuestion), tongceRanker(knowledge));
    expect(blind.questions).toBeGreaterThanOrEqual(80);
    // 0.866 since the decision is fitted on heldout6 and dev7 too: their new writers' unanswerable questions make it stricter
    expect(blind.recallAt3).toBeGreaterThanOrEqual(0.86);
    expect(blind.uncoveredDetected).toBeGreaterThanOrEqual(0.7);
    const heldOut = measure(readJsonl('bench/gold/questions-heldout2.jsonl', GoldQuestion), tongceRanker(knowledge));
    expect(heldOut.questions).toBeGreaterThanOrEqual(160);
    expect(heldOut.recallAt3).toBeGreaterThanOrEqual(0.93);
    expect(heldOut.uncoveredDetected).toBeGreaterThanOrEqual(0.92);
    // the third to eighth blind sets, measured once each when fresh (0.835 / 0.912, 0.860 / 0.879, 0.944 / 0.738,
    // 0.873 / 0.833, 0.900 / 0.913 and 0.950 / 0.927), and the seventh and eighth rounds' development sets, all now
    // development data; heldout9, never tuned on, guarded at what it measured once (0.977 / 0.940) so a change that
    // loses it is seen
    for (const [file, recall, declined] of [['questions-heldout3', 0.91, 0.95], ['questions-heldout4', 0.92, 0.93], ['questions-heldout5', 0.93, 0.92], ['questions-heldout6', 0.88, 0.88], ['questions-dev7', 0.85, 0.91], ['questions-heldout7', 0.9, 0.91], ['questions-dev8', 0.95, 0.92], ['questions-heldout8', 0.95, 0.92], ['questions-heldout9', 0.97, 0.93]] as const) {
      const set = measure(readJsonl(`bench/gold/${file}.jsonl`, GoldQuestion), tongceRanker(knowledge));
      expect(set.recallAt3, file).toBeGreaterThanOrEqual(recall);
      expect(set.uncoveredDetected, file).toBeGreaterThanOrEqual(declined);
    }
  });

  it('passes the public sample questions', () => {
    const sample = readJsonl('test/fixtures/public-questions.jsonl', GoldQuestion);
    expect(measure(sample, tongceRanker(knowledge)).recallAt3).toBe(1);
  });
});
