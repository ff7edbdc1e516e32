import type { Message } from '../../dialog/message.js';
import { nextStepOf, reasonOf, type ProgrammeReason } from '../../../rules/present/reason.js';

/** What the web page's verdict cards show for one programme: the reason first, and the roadmap's next step. */
export type VerdictCard = ProgrammeReason & { nextStep: string | null };

/** A bot message as the web page receives it: a verdict also carries its cards (an addition to contracts.md). */
export type WebMessage = Message & { verdict?: { programmes: string[]; cards: VerdictCard[] } };

/**
 * Adds the cards to each message that carries an evaluation, for the programmes the user asked about (all of
 * them when that is not known). The evaluation itself goes out unchanged: the cards are derived from it.
 */
export function withVerdictCards(messages: readonly Message[], programmesInPlay: () => readonly string[] | undefined): WebMessage[] {
  // asked only for a reply that gives a verdict: most turns do not, and need no look-up
  if (!messages.some((m) => m.evaluation)) return [...messages];
  const inPlay = programmesInPlay();
  return messages.map((m) => {
    if (!m.evaluation) return m;
    const e = m.evaluation;
    const shown = e.programmes.filter((p) => !inPlay?.length || inPlay.includes(p.id));
    return { ...m, verdict: { programmes: shown.map((p) => p.id), cards: shown.map((p) => ({ ...reasonOf(p), nextStep: nextStepOf(e, p.id) })) } };
  });
}
