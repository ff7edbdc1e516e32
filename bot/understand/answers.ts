import { nfkc } from '../../knowledge/text/normalize.js';

const NO = /^(否|不是|不是的|不对|没有|没|无|不|未|不属于|不符合|不具备|还没有|尚未|没有的|no|n|false|不曾|从未)[。.!！]*$/iu;
const YES = /^(是|是的|对|对的|有|有的|已|已经|是啊|嗯|符合|属于|具备|没错|对啊|当然|肯定|yes|y|true|ok|好|有过|曾经)[。.!！]*$/iu;
const NEGATION_PREFIX = /^(不|没|未|无|非|暂时没|暂无|暂未|目前没|目前还没|现在没|现在还没|从来没|从没|还没|尚未)/u;

/** 是/对/有 → true; 否/没有/不是 → false; anything else → null (not understood, never guessed). */
export function parseYesNo(text: string): boolean | null {
  const t = nfkc(text).replace(/\s+/g, '').replace(/[，,]?(谢谢|吧|呢|啊|呀)$/u, '');
  if (NO.test(t)) return false;
  if (YES.test(t)) return true;
  // a short sentence that starts with a negation ("没有发生过", "不属于这些行业") answers no
  if (t.length <= 12 && NEGATION_PREFIX.test(t)) return false;
  if (t.length <= 12 && /^(是|有|已|属于|符合)/u.test(t) && !/吗|？|\?/u.test(t)) return true;
  return null;
}

/** The user does not know or wants to skip: the fact stays unknown and the dialog moves on. */
export function isSkip(text: string): boolean {
  return /^(不知道|不清楚|不确定|不了解|跳过|略过|说不准|没数|暂不清楚|skip|pass|unknown|不晓得)[。.!！]*$/iu.test(nfkc(text).replace(/\s+/g, ''));
}

export interface ChoiceOption {
  label: string;
  value: string;
}

/** A choice by its label or value, by a label's distinctive part ("海门" → 海门区), or by its letter (A–E). */
export function parseChoice(text: string, choices: readonly ChoiceOption[]): string | null {
  const t = nfkc(text).replace(/\s+/g, '').toLowerCase();
  if (!t) return null;
  const exact = choices.find((c) => nfkc(c.label).replace(/\s+/g, '').toLowerCase() === t || c.value.toLowerCase() === t);
  if (exact) return exact.value;
  const letter = /^([a-e])$/u.exec(t);
  if (letter) {
    const byLetter = choices.find((c) => c.value.toLowerCase() === letter[1] || nfkc(c.label).toLowerCase().startsWith(letter[1]! + ' '));
    if (byLetter) return byLetter.value;
  }
  const contained = choices.filter((c) => {
    const label = nfkc(c.label).replace(/\s+/g, '').toLowerCase();
    const core = label.replace(/[区市县]$/u, '');
    return t.includes(label) || (core.length >= 2 && t.includes(core)) || (t.length >= 2 && label.includes(t));
  });
  return contained.length === 1 ? contained[0]!.value : null;
}
