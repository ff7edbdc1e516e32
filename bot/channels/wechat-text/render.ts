import type { Citation } from '../../../knowledge/citation.js';
import type { Button, Message } from '../../dialog/message.js';
import { shortReference } from './citation-ref.js';
import { programmeVerdictText } from './verdict.js';

/** A button as a plain-text channel offers it: by number ("回复 1 …"), or by its label where numbers are answers. */
export interface Choice {
  n: number;
  label: string;
  action: string;
}

export interface PlainTextTurn {
  /** one short message per dialog message, in order; the channel splits or packs them under its limit */
  texts: string[];
  choices: Choice[];
  /** whether a bare number presses a choice; not while the question wants a number, which the number answers */
  numbered: boolean;
  /** the citations the references point at, for "依据" */
  citations: Citation[];
}

/** References a message lists; "依据" quotes them all. */
const MAX_REFERENCES = 4;

/** The word a user sends to get the quotes behind the references. */
export const QUOTES_WORD = '依据';

function uniqueCitations(list: Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.clauseId) ? false : (seen.add(c.clauseId), true)));
}

function uniqueChoices(buttons: Button[]): Array<Omit<Choice, 'n'>> {
  const seen = new Set<string>();
  return buttons.filter((b) => (seen.has(b.action) ? false : (seen.add(b.action), true)));
}

/**
 * The messages of one turn whose text is a programme's verdict, rendered again, shorter, from the evaluation the
 * verdict carries (contracts.md: a verdict message carries its evaluation). A message the evaluation does not
 * account for is left as the dialog wrote it.
 */
function verdictRewrites(messages: Message[]): Map<Message, string> {
  const evaluation = messages.find((m) => m.evaluation)?.evaluation;
  const rewrites = new Map<Message, string>();
  if (!evaluation) return rewrites;
  for (const m of messages) {
    const p = evaluation.programmes.find((q) => m.text.includes(`【${q.title}】`));
    if (p && !m.evaluation) rewrites.set(m, programmeVerdictText(evaluation, p));
  }
  return rewrites;
}

/**
 * One dialog turn as plain text for WeChat: each message's text, its citations as short 【文号 条款】 references
 * (the quotes on "依据"), and the buttons as choices at the end.
 */
export function toPlainText(messages: Message[]): PlainTextTurn {
  const rewrites = verdictRewrites(messages);
  const citations = uniqueCitations(messages.flatMap((m) => m.citations ?? []));
  const texts = messages.map((m) => {
    const refs = uniqueCitations(m.citations ?? []).map(shortReference);
    // there is nothing to tap in a text channel: a button is answered by replying
    const text = (rewrites.get(m) ?? m.text).replaceAll('点“', '回复“');
    const listed = refs.length > MAX_REFERENCES ? `${refs.slice(0, MAX_REFERENCES).join('')}等${refs.length}条` : refs.join('');
    return refs.length ? `${text}\n依据：${listed}` : text;
  });
  const asking = messages.findLast((m) => m.ask)?.ask;
  const numbered = asking?.kind !== 'number';
  const choices = uniqueChoices(messages.flatMap((m) => m.buttons ?? [])).map((b, i) => ({ n: i + 1, label: b.label, action: b.action }));
  const offers = [
    ...choices.map((c) => (numbered ? `回复 ${c.n} ${c.label}` : `回复“${c.label}”`)),
    ...(citations.length ? [`回复“${QUOTES_WORD}”查看条款原文`] : []),
  ];
  if (offers.length && texts.length) texts[texts.length - 1] = `${texts.at(-1)}\n\n${offers.join('\n')}`;
  return { texts, choices, numbered, citations };
}
