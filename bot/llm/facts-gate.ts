import type { FactPath } from '../../rules/facts/catalog.js';
import { interpretAnswer } from '../dialog/interpret.js';
import type { Lang } from '../dialog/state.js';
import type { Proposal } from '../understand/extract.js';
import { NAMES_A_PLACE, OUTSIDE_REGION } from '../understand/place-words.js';

/**
 * A message at least this long may state more than the patterns read ("我们是2019年在海门成立的，做锂电池隔膜，
 * 去年卖了三千多万…"), so the model reads it even when the patterns found something.
 */
const LONG_MESSAGE_CHARS = 40;

/** Words that come with a fact about the enterprise: figures and their units, places, the things the rules ask about. */
const STATES_FACTS = new RegExp(
  [
    '\\d',
    '[零〇一二两三四五六七八九十百千万亿]+[个名位人项件家年万亿元]',
    '成立|注册|员工|职工|人员|工人|收入|营收|销售|卖了|产值|利润|研发|专利|知识产权|软著|著作权|资产|投资|融资|估值',
    '制造|生产|加工|科技服务|软件|主营|产品|园区|开发区|高新区|证书|入库|认定过|股东|硕士|博士|母公司',
    NAMES_A_PLACE,
    OUTSIDE_REGION,
  ].join('|'),
  'u',
);

/** The question the dialog is waiting on, if any: a plain answer to it is the dialog's to read, not the model's. */
export interface Pending {
  fact: FactPath;
  lang: Lang;
}

/**
 * Whether the model should read a message for facts: when the patterns found nothing in a message that looks
 * like it states some, or the message is long. Short replies ("是", "不知道", "3000万" to the question asked) and
 * greetings never go to it.
 */
export function wantsModelFacts(text: string, found: Proposal[], pending: Pending | null): boolean {
  if ([...text].length >= LONG_MESSAGE_CHARS) return true;
  if (pending && interpretAnswer(pending.fact, text, pending.lang).kind !== 'unclear') return false;
  return found.length === 0 && [...text].length >= 4 && STATES_FACTS.test(text);
}
