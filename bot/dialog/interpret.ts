import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { readAnswer } from '../understand/answer-reader.js';
import type { Reading } from '../understand/reading.js';
import type { Lang } from './state.js';
import { say } from './texts.js';

/** What the user is expected to answer, said plainly: used in every re-prompt. */
export function expectation(path: FactPath, lang: Lang): string {
  const info = describeFact(path);
  switch (info.kind) {
    case 'boolean': return say(lang, 'expectBoolean');
    case 'date': return say(lang, 'expectDate');
    case 'choice': return say(lang, 'expectChoice', { choices: (info.choices ?? []).map((c) => c.label).join('、') });
    case 'text': return say(lang, 'expectText');
    case 'number': {
      const example = info.unit === '万元' ? '300万 或 1.2亿' : info.unit === '%' ? '12% 或 百分之十二' : '120';
      return say(lang, 'expectNumber', { unit: info.unit ? `（${info.unit}）` : '', example });
    }
  }
}

/** An answer the dialog could not use, with what to say instead. */
export type Interpretation = Reading | { kind: 'unclear'; expected: string };

/**
 * Reads an answer to the fact that was asked (bot/understand/answer-reader.ts); what is no answer at all becomes
 * "unclear" with the re-prompt's words. Never guesses: what it cannot read is "unclear".
 */
export function interpretAnswer(path: FactPath, text: string, lang: Lang, today = new Date().toISOString().slice(0, 10)): Interpretation {
  const reading = readAnswer(path, text, { today });
  return reading.kind === 'reject' ? { kind: 'unclear', expected: expectation(path, lang) } : reading;
}
