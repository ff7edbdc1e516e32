import type { Proposal } from '../understand/extract.js';
import { labelOf, showValue } from './facts.js';
import type { Message } from './message.js';
import type { Lang } from './state.js';
import { say } from './texts.js';

/** The confirmation's own words: what the user said and what a model only inferred are never run together. */
const WORDS = {
  stated: { zh: '您说的：', en: 'What you said:' },
  inferred: { zh: '模型推测的（默认不采用，点下方按钮勾选后才会记录）：', en: 'What the model inferred (not recorded unless you tick it below):' },
  tick: { zh: '采用', en: 'Use' },
} as const;

function line(p: Proposal, lang: Lang): string {
  const value = p.partial ? `${p.value} ${say(lang, 'partialNote')}` : showValue(p.path, p.value, lang);
  return `${labelOf(p.path, lang)}：${value}`;
}

const mark = (p: Proposal) => (p.inferred?.ticked ? '☑' : '☐');

/**
 * The message asking the user to confirm facts read from their words. Facts a model inferred are listed apart,
 * unticked, each with a button to tick it; with none, the message is the plain list it always was.
 */
export function confirmationMessage(proposals: Proposal[], lang: Lang): Message {
  const stated = proposals.filter((p) => !p.inferred);
  const inferred = proposals.filter((p) => p.inferred);
  const statedLines = stated.map((p) => `• ${line(p, lang)}`);
  const list =
    inferred.length === 0
      ? statedLines
      : [...(stated.length ? [WORDS.stated[lang], ...statedLines] : []), WORDS.inferred[lang], ...inferred.map((p) => `${mark(p)} ${line(p, lang)}`)];
  return {
    text: say(lang, 'confirmProposals', { list: list.join('\n') }),
    buttons: [
      { label: say(lang, 'confirmYes'), action: 'confirm' },
      { label: say(lang, 'confirmNo'), action: 'reject' },
      ...inferred.map((p) => ({ label: `${mark(p)} ${WORDS.tick[lang]}：${line(p, lang)}`, action: `tick:${p.path}` })),
    ],
  };
}

/** The proposals with one inferred fact's tick turned over; anything else is left as it is. */
export function toggleTick(proposals: Proposal[], path: string): Proposal[] {
  return proposals.map((p) => (p.path === path && p.inferred ? { ...p, inferred: { ticked: !p.inferred.ticked } } : p));
}

/** What a confirmation records: everything the user said, and the inferred facts they ticked. */
export function confirmedProposals(proposals: Proposal[]): Proposal[] {
  return proposals.filter((p) => !p.inferred || p.inferred.ticked);
}
