import { describe, expect, it } from 'vitest';
import { runTypingOwnerBench } from '../../bench/dialog-typing.js';
import { scoreAnswers, scoreCorrections, scoreIntents, scoreOpenings } from '../../bench/lib/dialog-gold.js';

/**
 * Floors on the blind dialog sets (bench/gold/dialog). The -dev files were tuned on, so their floors sit just under
 * what the readers reach; the -heldout files never were, and their floors only catch a collapse.
 */
describe('the blind dialog sets', () => {
  it('dev: answers, intents, corrections and openings read as their writers meant', () => {
    expect(scoreAnswers('dev').rate).toBeGreaterThanOrEqual(0.95);
    expect(scoreIntents('dev').rate).toBeGreaterThanOrEqual(0.92);
    const corrections = scoreCorrections('dev');
    expect(corrections.rate).toBeGreaterThanOrEqual(0.93);
    expect(corrections.wrongFact).toBe(0);
    expect(scoreOpenings('dev').rate).toBeGreaterThanOrEqual(0.93);
  });

  it('held-out (never tuned on): no collapse, and a correction rarely if ever lands on another fact', () => {
    expect(scoreAnswers('heldout').rate).toBeGreaterThanOrEqual(0.75);
    expect(scoreIntents('heldout').rate).toBeGreaterThanOrEqual(0.75);
    const corrections = scoreCorrections('heldout');
    expect(corrections.rate).toBeGreaterThanOrEqual(0.75);
    expect(corrections.wrongFact / corrections.total).toBeLessThanOrEqual(0.03);
    expect(scoreOpenings('heldout').rate).toBeGreaterThanOrEqual(0.7);
  });
});

describe('the owner who types as people do', () => {
  it('gets every verdict right, is rarely asked again, and every correction lands on the fact it names', async () => {
    const r = (await runTypingOwnerBench({ profiles: 12 })) as {
      programmes: Record<string, { verdictsRight: number; dialogs: number; share: number }>;
      reaskedShare: number;
      corrections: { made: number; rightFact: number; wrongFact: number };
    };
    for (const [id, p] of Object.entries(r.programmes)) expect(p.verdictsRight, id).toBe(p.dialogs);
    // a dozen enterprises vary; the bench's 150 give each programme's own share
    const single = Object.entries(r.programmes).filter(([id]) => id !== 'all').map(([, p]) => p.share);
    expect(single.reduce((a, b) => a + b, 0) / single.length).toBeLessThanOrEqual(0.45);
    expect(r.reaskedShare).toBeLessThan(0.05);
    expect(r.corrections.wrongFact).toBe(0);
    expect(r.corrections.rightFact).toBe(r.corrections.made);
  }, 60_000);
});
