import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../knowledge/catalog.js';
import { sourcesDir } from '../../knowledge/paths.js';
import { comparable } from '../../knowledge/text/normalize.js';
import { gapList } from '../../rules/engine/complete-gaps.js';
import { evaluate, type Evaluation } from '../../rules/evaluate.js';
import { FactsError, parseProfile } from '../../rules/facts/validate.js';
import { loadCaseFiles, profileOf, type RuleCase } from './support/cases.js';

const files = loadCaseFiles();

/** Every source text in the comparable form (NFKC, no white space): a case's quoted clause must be in one. */
const SOURCES = loadCatalog().map((d) => comparable(readFileSync(join(sourcesDir(), d.file), 'utf8')));

/** The quotes an evaluation cites for a condition, a score component or a benefit, by its id. */
function quotesOf(e: Evaluation, programmeId: string | undefined, id: string): string[] {
  const benefit = e.benefits.find((b) => b.id === id);
  if (benefit) return benefit.cites.map((c) => c.quote);
  for (const p of e.programmes.filter((x) => programmeId === undefined || x.id === programmeId)) {
    const c = p.conditions.find((x) => x.id === id) ?? p.score?.components.find((x) => x.id === id);
    if (c) return c.cites.map((r) => r.quote);
  }
  throw new Error(`nothing with id ${id} to quote`);
}

function rejection(profile: Record<string, unknown>, asOf: string): FactsError | null {
  try {
    parseProfile(profile, { asOf, today: asOf });
    return null;
  } catch (e) {
    if (e instanceof FactsError) return e;
    throw e;
  }
}

describe.each(files)('$file', ({ cases: file }) => {
  if (file.programme) it('has at least 25 cases', () => expect(file.cases.length).toBeGreaterThanOrEqual(25));

  it.each(file.cases)('$name', (c: RuleCase) => {
    if (c.clause) expect(SOURCES.some((text) => text.includes(comparable(c.clause!))), `clause “${c.clause}” verbatim in a source`).toBe(true);
    const asOf = c.asOf ?? file.asOf;
    const { outcome, conditions, score, missingFacts, gapList: gaps, uncheckedFacts, gap, detail, gapWithout, rejected, warnings, assessment, assessmentBasis, expertDecides, benefits, quotes, roadmap, roadmapAction, roadmapPlainly } = c.expect;
    if (rejected) {
      const refused = rejection(profileOf(file, c), asOf);
      expect(refused, 'the profile is refused').not.toBeNull();
      for (const key of rejected) expect(refused!.issues.some((i) => i.key.split(', ').some((k) => k === key || k.startsWith(`${key}.`))), `names ${key}: ${refused!.message}`).toBe(true);
      return;
    }
    const profile = parseProfile(profileOf(file, c), { asOf, today: asOf });
    const evaluation = evaluate(profile.facts, profile.asOf);
    const programme = file.programme ? evaluation.programmes.find((p) => p.id === file.programme)! : undefined;
    const mine = () => {
      if (!programme) throw new Error('expectations about a programme need the file to name it');
      return programme;
    };
    const status = (id: string) => {
      const found = mine().conditions.find((x) => x.id === id);
      if (!found) throw new Error(`no condition ${id} in ${file.programme}`);
      return found;
    };
    if (outcome) expect(mine().outcome, 'outcome').toBe(outcome);
    for (const [id, want] of Object.entries(conditions ?? {})) expect(status(id).status, `${id}: ${status(id).detail}`).toBe(want);
    if (score) expect([mine().score?.points.min, mine().score?.points.max], 'score').toEqual(score);
    if (missingFacts) {
      if (missingFacts.length === 0) expect(mine().missingFacts, 'missingFacts').toEqual([]);
      else expect(mine().missingFacts.slice(0, missingFacts.length), 'missingFacts head').toEqual(missingFacts);
    }
    if (gaps) expect(gapList(mine()).map((c) => c.id), 'the complete gap list').toEqual(gaps);
    if (uncheckedFacts) expect(mine().uncheckedFacts, 'uncheckedFacts').toEqual(uncheckedFacts);
    for (const [id, text] of Object.entries(gap ?? {})) expect(status(id).gap ?? '', `${id} gap`).toContain(text);
    // a detail may be a condition's or a score component's (how one part of the score was read)
    const detailOf = (id: string) => mine().score?.components.find((x) => x.id === id)?.detail ?? status(id).detail;
    for (const [id, text] of Object.entries(detail ?? {})) expect(detailOf(id), `${id} detail`).toContain(text);
    for (const [id, text] of Object.entries(gapWithout ?? {})) expect(status(id).gap ?? '', `${id} gap`).not.toContain(text);
    if (warnings) expect(evaluation.warnings.map((w) => w.fact), 'warnings').toEqual(warnings);
    if (assessment !== undefined) expect(mine().assessment?.estimate ?? null, `assessment: ${mine().assessment?.basis}`).toBe(assessment);
    if (assessmentBasis) expect(mine().assessment?.basis ?? '', 'assessment basis').toContain(assessmentBasis);
    if (expertDecides) expect(mine().expertDecides.map((x) => x.id), 'expertDecides').toEqual(expertDecides);
    for (const [id, want] of Object.entries(benefits ?? {})) {
      const b = evaluation.benefits.find((x) => x.id === id);
      if (want.absent) {
        expect(b, `${id} not offered`).toBeUndefined();
        continue;
      }
      expect(b, `benefit ${id}`).toBeDefined();
      if (want.status) expect(b!.status, `${id}: ${b!.reason}`).toBe(want.status);
      if (want.reason) expect(b!.reason, `${id} reason`).toContain(want.reason);
    }
    for (const [id, text] of Object.entries(quotes ?? {})) {
      const cited = quotesOf(evaluation, file.programme, id);
      if (text.startsWith('!')) expect(cited.some((q) => q.includes(text.slice(1))), `${id} does not quote “${text.slice(1)}”`).toBe(false);
      else expect(cited.some((q) => q.includes(text)), `${id} quotes “${text}”: ${cited.join(' | ')}`).toBe(true);
    }
    if (roadmap) expect(evaluation.roadmap.map((s) => s.programme), 'roadmap').toEqual(roadmap);
    for (const [id, text] of Object.entries(roadmapAction ?? {})) {
      const step = evaluation.roadmap.find((s) => s.programme === id);
      expect(step, `roadmap step ${id}`).toBeDefined();
      expect(step!.actions.join('\n'), `${id} actions`).toContain(text);
    }
    for (const [id, text] of Object.entries(roadmapPlainly ?? {})) expect(evaluation.roadmap.find((s) => s.programme === id)?.plainly, `${id} plainly`).toBe(text);
  });
});
