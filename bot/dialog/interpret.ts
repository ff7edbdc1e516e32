import { describeFact, type FactPath } from '../../rules/facts/catalog.js';
import { isSkip, parseChoice, parseYesNo } from '../understand/answers.js';
import { parseDate } from '../understand/dates.js';
import { parseQuantity, type TargetUnit } from '../understand/quantities.js';
import type { Lang } from './state.js';
import { say } from './texts.js';

export type Interpretation =
  | { kind: 'value'; value: unknown }
  | { kind: 'skip' }
  | { kind: 'partialDate'; year: number }
  | { kind: 'unclear'; expected: string };

function targetUnit(unit: string | undefined): TargetUnit {
  return unit === '万元' ? '万元' : unit === '%' ? '%' : 'count';
}

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

/** Reads an answer to the fact that was asked; never guesses: what it cannot read is "unclear". */
export function interpretAnswer(path: FactPath, text: string, lang: Lang): Interpretation {
  if (isSkip(text)) return { kind: 'skip' };
  const info = describeFact(path);
  const unclear = (): Interpretation => ({ kind: 'unclear', expected: expectation(path, lang) });
  switch (info.kind) {
    case 'boolean': {
      const v = parseYesNo(text);
      return v === null ? unclear() : { kind: 'value', value: v };
    }
    case 'number': {
      const v = parseQuantity(text, targetUnit(info.unit));
      return v === null ? unclear() : { kind: 'value', value: v };
    }
    case 'date': {
      const d = parseDate(text);
      if (!d) return unclear();
      return 'date' in d ? { kind: 'value', value: d.date } : { kind: 'partialDate', year: d.year };
    }
    case 'choice': {
      const v = parseChoice(text, info.choices ?? []);
      return v === null ? unclear() : { kind: 'value', value: v };
    }
    case 'text': {
      const t = text.trim();
      return t.length === 0 || t.length > 200 ? unclear() : { kind: 'value', value: t };
    }
  }
}
