import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { namesOf, placeNamed } from '../../knowledge/places.js';
import { comparable } from '../../knowledge/text/normalize.js';
import type { Proposal } from '../understand/extract.js';
import { figuresIn } from './numbers.js';

/** How many 万 an amount in 亿 is: the model is told to give amounts in 万元, users often write 亿. */
const WAN_PER_YI = 10_000;

/** A name as the user may shorten it: 海安高新区 → 海安高新, a town's 长江镇 → 长江. */
const shortPlace = (name: string) => name.replace(/(?<=..)[区市县镇]$/u, '');

/** The names a region goes by (knowledge/places.ts): 苏锡通科技产业园区 is said as 苏锡通, 崇川区 as 港闸 too. */
function regionNames(path: string, value: string): string[] {
  const place = path === 'region' ? placeNamed(value) : undefined;
  return place ? namesOf(place) : [];
}

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
  return [label, value, shortPlace(label), ...regionNames(p.path, value)].some((v) => v.length > 0 && text.includes(comparable(v)));
}

/**
 * The model's proposals with those the message does not itself say marked as inferred (and unticked): the
 * confirmation shows them apart, and only the ones the user ticks are recorded.
 */
export function markInferred(proposals: Proposal[], message: string): Proposal[] {
  return proposals.map((p) => (statedInMessage(p, message) ? p : { ...p, inferred: { ticked: false } }));
}
