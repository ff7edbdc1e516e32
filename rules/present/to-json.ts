import type { Citation, CitationRef, CitationResolver } from '../../knowledge/citation.js';
import { gapList, ruledOutForGood } from '../engine/complete-gaps.js';
import type { Evaluation } from '../evaluate.js';
import type { EvaluationJson } from './evaluation-json.js';

/** Each clause and quote once: several conditions may rest on the same clause. */
function distinctCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.clauseId}\u0000${c.quote}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Turns an evaluation into the contract's JSON, resolving every {doc, quote} reference into a full citation.
 * Throws (UnresolvedCitationError) if a rule cites a clause the knowledge base does not hold.
 */
export function toJson(evaluation: Evaluation, resolve: CitationResolver): EvaluationJson {
  const cache = new Map<string, Citation>();
  const cited = (refs: readonly CitationRef[]): Citation[] =>
    refs.map((ref) => {
      const key = `${ref.doc}\u0000${ref.quote}`;
      let c = cache.get(key);
      if (!c) cache.set(key, (c = resolve(ref)));
      return c;
    });
  return {
    asOf: evaluation.asOf,
    programmes: evaluation.programmes.map((p) => ({
      id: p.id,
      title: p.title,
      outcome: p.outcome,
      score: p.score && {
        min: p.score.points.min,
        max: p.score.points.max,
        pass: p.score.pass,
        components: p.score.components.map((c) => ({
          id: c.id, label: c.label, min: c.points.min, max: c.points.max, maxPoints: c.max, detail: c.detail, citations: cited(c.cites),
        })),
      },
      conditions: p.conditions.map((c) => ({
        id: c.id, label: c.label, status: c.status, detail: c.detail, gap: c.gap, citations: cited(c.cites), remedy: c.remedy, metOn: c.metOn,
      })),
      missingFacts: p.missingFacts,
      uncheckedFacts: p.uncheckedFacts,
      gaps: gapList(p).map((c) => c.id),
      final: ruledOutForGood(p),
      expertDecides: p.expertDecides.map((x) => ({ id: x.id, label: x.label, min: x.points.min, max: x.points.max, maxPoints: x.max })),
      assessment: p.assessment && { estimate: p.assessment.estimate, basis: p.assessment.basis },
      citations: distinctCitations(cited([...p.cites, ...p.conditions.flatMap((c) => c.cites), ...p.notes.flatMap((n) => n.cites)])),
      notes: p.notes.map((n) => n.text),
    })),
    benefits: evaluation.benefits.map((b) => ({
      id: b.id, title: b.title, status: b.status, reason: b.reason, jurisdiction: b.jurisdiction, sourceKind: b.sourceKind,
      period: b.period, expired: b.expired, citations: cited(b.cites),
    })),
    parks: evaluation.parks.map((p) => ({ park: p.park, region: p.region, directions: p.directions, matchedOn: p.matchedOn, citations: cited(p.cites) })),
    roadmap: evaluation.roadmap.map((s) => ({
      step: s.step, programme: s.programme, title: s.title, status: s.status, actions: s.actions, readyOn: s.readyOn, plainly: s.plainly, citations: cited(s.cites),
    })),
    missingFacts: evaluation.missingFacts,
    warnings: evaluation.warnings.map((w) => ({ ...w })),
  };
}
