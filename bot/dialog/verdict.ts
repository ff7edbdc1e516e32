import type { Citation } from '../../knowledge/citation.js';
import type { FactPath } from '../../rules/facts/catalog.js';
import type { EvaluationJson } from '../../rules/present/evaluation-json.js';
import { labelOf } from './facts.js';
import type { Message } from './message.js';
import type { Lang } from './state.js';
import { say } from './texts.js';

type ProgrammeJson = EvaluationJson['programmes'][number];

const OUTCOME_MARK = { eligible: '✅', ineligible: '❌', undetermined: '❓' } as const;
const ESTIMATE = { likely: '可能通过', unlikely: '难以通过', uncertain: '难以判断' } as const;
/** Citations per message: enough to check every stated rule, few enough to read. */
const MAX_CITATIONS = 6;

function uniqueCitations(list: Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.clauseId) ? false : (seen.add(c.clauseId), true))).slice(0, MAX_CITATIONS);
}

/** One programme's verdict: outcome, the conditions that decide it with their numbers and gaps, what is missing. */
function programmeMessage(p: ProgrammeJson, lang: Lang): Message {
  const lines = [`${OUTCOME_MARK[p.outcome]} 【${p.title}】${say(lang, p.outcome)}`];
  if (p.score) {
    const range = p.score.min === p.score.max ? `${p.score.min}` : `${p.score.min}–${p.score.max}`;
    lines.push(lang === 'zh' ? `• 评分：${range} 分（合格线 ${p.score.pass} 分）` : `• Score: ${range} (pass mark ${p.score.pass})`);
  }
  const unmet = p.conditions.filter((c) => c.status === 'unmet');
  const unknown = p.conditions.filter((c) => c.status === 'unknown');
  const met = p.conditions.filter((c) => c.status === 'met');
  // the evaluation's one gap list: what a route already met, or one still open, may make unnecessary is not in it
  const gapIds = new Set(p.gaps);
  const gapOf = (c: ProgrammeJson['conditions'][number]) => (gapIds.has(c.id) && c.gap ? `——${c.gap}` : '');
  const gaps = p.conditions.filter((c) => gapIds.has(c.id));
  if (p.outcome === 'ineligible') {
    // ruled out by one condition, the rest still count: one still unknown but already short on the figures known
    for (const c of gaps) lines.push(c.status === 'unmet' ? `• ✗ ${c.label}：${c.detail}${gapOf(c)}` : `• ？ ${c.label}：${say(lang, 'atRisk')}——${c.gap}`);
    if (p.final) lines.push(lang === 'zh' ? '决定结论的条件无法通过补足改变。' : 'What decides this cannot be changed by closing gaps.');
  } else for (const c of unmet) lines.push(`• ✗ ${c.label}：${c.detail}`);
  if (p.outcome !== 'ineligible') for (const c of met.slice(0, 6)) lines.push(`• ✓ ${c.label}：${c.detail}`);
  if (p.outcome === 'undetermined') {
    for (const c of unknown.slice(0, 4)) lines.push(`• ？ ${c.label}：${c.detail}${gapOf(c)}`);
    // what the enterprise can still answer, apart from what only the experts' scoring decides
    if (p.missingFacts.length) {
      lines.push(say(lang, 'stillNeeded', { list: p.missingFacts.slice(0, 6).map((f) => labelOf(f as FactPath, lang)).join('、') }));
    }
    if (p.expertDecides.length) {
      const list = p.expertDecides.map((x) => `${x.label}（${x.min}–${x.max}分）`).join('、');
      lines.push(lang === 'zh' ? `以下由评审专家在各档内打分决定，无需您再提供：${list}` : `Scored by the expert panel within their bands (nothing more for you to give): ${list}`);
    }
    if (p.assessment) {
      lines.push(lang === 'zh' ? `估算（${ESTIMATE[p.assessment.estimate]}）：${p.assessment.basis}` : `Estimate (${p.assessment.estimate}; not a verdict): ${p.assessment.basis}`);
    }
  }
  for (const n of p.notes) lines.push(`注：${n}`);
  const deciding = p.outcome === 'ineligible' ? gaps : p.outcome === 'undetermined' ? [...unmet, ...unknown] : met;
  return { text: lines.join('\n'), citations: uniqueCitations([...deciding.flatMap((c) => c.citations), ...p.citations]) };
}

/** A ruled-out programme whose other conditions could still be checked: its name as the dialog says it, and what they lack. */
export interface ContinueOffer {
  name: string;
  unchecked: readonly FactPath[];
}

/** A ruled-out programme whose other conditions could still be checked: its name as the dialog says it, and what they lack. */
export interface ContinueOffer {
  name: string;
  unchecked: readonly FactPath[];
}

/** Facts named in the offer to check further: as many as the chat names elsewhere, the count of the rest. */
const MAX_FACTS_OFFERED = 6;

/**
 * Ruled out already, but the owner may want every gap before deciding what to work on: the facts the other
 * conditions lack, and the offer to ask them. A message of its own, after the verdict it belongs to, so a channel
 * that redraws verdicts (the web cards, WeChat) keeps it as it is.
 */
function continueOffer(p: ProgrammeJson, { name, unchecked }: ContinueOffer, lang: Lang): Message {
  const named = unchecked.slice(0, MAX_FACTS_OFFERED).map((f) => labelOf(f, lang)).join('、');
  const more = unchecked.length > MAX_FACTS_OFFERED ? say(lang, 'andMore', { n: unchecked.length }) : '';
  return {
    text: say(lang, 'restNeeded', { programme: name, list: `${named}${more}` }),
    buttons: [{ label: say(lang, 'continueButton', { programme: name }), action: `continue:${p.id}` }],
  };
}

/** The closing message: what fits beyond a yes/no — benefits, parks, and the next steps — with the evaluation. */
function summaryMessage(e: EvaluationJson, lang: Lang): Message {
  const lines: string[] = [];
  // applies before maybe; a chat message lists a few, the evaluation attached has them all
  const benefits = [...e.benefits.filter((b) => b.status === 'applies'), ...e.benefits.filter((b) => b.status === 'maybe')].slice(0, 5);
  if (benefits.length) {
    lines.push(lang === 'zh' ? '可能适用的支持政策：' : 'Support that may apply:');
    for (const b of benefits) lines.push(`• ${b.status === 'applies' ? '适用' : '可能适用'}｜${b.title}（${b.jurisdiction}）：${b.reason}`);
  }
  if (e.parks.length) {
    lines.push(lang === 'zh' ? '主攻方向相符的特色园区：' : 'Parks whose focus fits:');
    for (const p of e.parks.slice(0, 5)) lines.push(`• ${p.park}（${p.region}）：${p.directions}`);
  }
  if (e.roadmap.length) {
    lines.push(lang === 'zh' ? '建议路线：' : 'Suggested steps:');
    for (const s of e.roadmap) {
      // the sentence says when and how much; the actions themselves are in the evaluation attached
      lines.push(`${s.step}. ${s.plainly}${s.actions.length ? `：${s.actions.slice(0, 2).join('；')}` : ''}`);
    }
  }
  if (lines.length === 0) lines.push(lang === 'zh' ? '以上为全部评估结果。' : 'That is the whole result.');
  const citations = uniqueCitations([...benefits.flatMap((b) => b.citations), ...e.parks.flatMap((p) => p.citations), ...e.roadmap.flatMap((s) => s.citations)]);
  return { text: lines.join('\n'), citations, evaluation: e };
}

/**
 * A value taken as given that was probably meant otherwise (0.65 for 65%): the chat asks before the verdict,
 * and says how to correct it: the sentence it suggests is one the dialog reads as that fact, to confirm.
 */
function confirmationMessage(w: EvaluationJson['warnings'][number], lang: Lang): Message {
  // two facts that disagree as read (no value to confirm): the rules' message names both and says how they were read
  if (w.suggested === undefined) return { text: `⚠ ${w.message}` };
  const label = labelOf(w.fact as FactPath, lang);
  return {
    text:
      lang === 'zh'
        ? `⚠ 您告诉我的${label}是 ${w.value}%，是${w.suggested}%吗？如果是，请回复“${label}改为${w.suggested}%”，我会重新判断；下面的结论暂按 ${w.value}% 作出。`
        : `⚠ You gave ${label} as ${w.value}%. Did you mean ${w.suggested}%? If so, reply “${label}改为${w.suggested}%” and I will judge again; the result below takes ${w.value}%.`,
  };
}

/**
 * The verdict messages for the programmes in play; the last one carries the whole evaluation. A ruled-out programme
 * in `offers` is followed by the offer to ask what its other conditions lack.
 */
export function verdictMessages(e: EvaluationJson, programmes: readonly string[], lang: Lang, offers: ReadonlyMap<string, ContinueOffer> = new Map()): Message[] {
  const shown = e.programmes.filter((p) => programmes.includes(p.id));
  return [
    ...e.warnings.map((w) => confirmationMessage(w, lang)),
    { text: say(lang, 'verdictIntro', { asOf: e.asOf }) },
    ...shown.flatMap((p) => {
      const offer = offers.get(p.id);
      return offer?.unchecked.length ? [programmeMessage(p, lang), continueOffer(p, offer, lang)] : [programmeMessage(p, lang)];
    }),
    summaryMessage(e, lang),
  ];
}
