import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { comparable } from '../../knowledge/text/normalize.js';
import type { Proposal } from '../understand/extract.js';
import { figuresIn } from './numbers.js';

/** How many 万 an amount in 亿 is: the model is told to give amounts in 万元, users often write 亿. */
const WAN_PER_YI = 10_000;

/** A place as the user may shorten it: 海门区 → 海门, 如皋市 → 如皋. */
const shortPlace = (name: string) => name.replace(/(?<=..)[区市县镇]$/u, '');

/**
 * Whether the message itself says the value the model read: the figure written in it (in 万 or 亿), the
 * text or choice label in its words, the date's year, month and day among its figures. A yes/no is always the
 * model's reading of the words ("我们去年拿到证书了" → holds a certificate), so it is never counted as said.
 */
export function statedInMessage(p: Pick<Proposal, 'path' | 'value'>, message: string): boolean {
  const text = comparable(message);
  const figures = figuresIn(message);
  const { value } = p;
  if (typeof value === 'number') return figures.some((f) => f.value === value || (f.unit === '亿' && f.value * WAN_PER_YI === value));
  if (typeof value !== 'string') return false;
  const info = describeFact(p.path as FactPath);
  if (info.kind === 'date') {
    const parts = value.split('-').map(Number);
    return parts.every((n) => figures.some((f) => f.value === n));
  }
  const label = info.choices?.find((c) => c.value === value)?.label ?? value;
  return [label, value, shortPlace(label)].some((v) => v.length > 0 && text.includes(comparable(v)));
}

/**
 * The model's proposals with those the message does not itself say marked as inferred (and unticked): the
 * confirmation shows them apart, and only the ones the user ticks are recorded.
 */
export function markInferred(proposals: Proposal[], message: string): Proposal[] {
  return proposals.map((p) => (statedInMessage(p, message) ? p : { ...p, inferred: { ticked: false } }));
}
