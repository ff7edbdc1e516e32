/**
 * The slot a question asks to fill — a figure, a time, a person or office, a place, conditions — and whether the
 * clause fills it beside the thing asked about. The thing asked about is the question's words next to the slot
 * phrase (多少申请费 → 申请费, 有效期几年 → 有效期): a clause that lacks them, or states its figure far from them, holds
 * the question's words but not its answer ("长三角峰会 … 签约产业科创人才项目 2023年3月" for "签约了多少项目"); one whose
 * figure sits beside them ("有效期为三年") answers.
 */
import { comparable } from '../text/normalize.js';

interface Slot {
  name: 'figure' | 'time' | 'who' | 'where' | 'conditions';
  asks: RegExp;
  fills: RegExp;
}

const NUMERAL = '[0-9一二两三四五六七八九十百千万]';
const SLOTS: Slot[] = [
  {
    name: 'figure',
    asks: /多少|几(?:个|家|项|名|人|次|类|分|倍|批|所|大)|比例|税率|费率|百分之|多大|多高|上限|下限|满分|规模/u,
    // a count, a sum, a share — a year or a date is not the figure asked for
    fills: new RegExp(`(?<!\\d)(?!(?:19|20)\\d\\d(?:年|\\D|$))\\d+(?:\\.\\d+)?(?!\\s*(?:月|日|\\d))|${NUMERAL}+(?:个|家|项|人|名|次|类|亿|万|元|所|批|成|分|倍)|[%％]|减半|全额|免征`, 'u'),
  },
  {
    name: 'time',
    asks: /什么时候|何时|哪年|哪一年|几月|哪天|截止|期限|多久|多长时间|几年|哪个月|实施的|施行/u,
    fills: new RegExp(`\\d{4}\\s*年|\\d+\\s*月|${NUMERAL}+(?:个)?(?:月|年|日|天|工作日)|当年|次年|年度|之日|以来|每(?:年|季|月|半年)|双月|季度|年底|年初|起施行|起实施`, 'u'),
  },
  {
    name: 'who',
    asks: /谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家单位|什么部门|什么单位|牵头|负责单位|哪个机构|什么机构|哪位/u,
    fills: /局|委员会|办公室|中心|人民政府|政府|部门|街道|管委会|领导小组|机构|科技部|财政部|税务|组长|主任|镇/u,
  },
  {
    name: 'where',
    asks: /哪里|哪儿|在哪|哪个园区|哪些园区|哪个镇|什么地方|去哪|放哪|哪些地方|地址/u,
    fills: /园区|开发区|高新区|科技园|产业园|港|街道|镇|上海|北京|深圳|苏州|杭州|南京|网站|平台|系统/u,
  },
  {
    name: 'conditions',
    asks: /条件|标准|门槛|要求|怎么认定|如何认定/u,
    fills: /条件|应当|须|需|不低于|不少于|不超过|以上|以下|具备|符合|满足|指|达到|是指/u,
  },
];

/** How near (in characters) the filler must be to the thing asked about. */
const NEAR = 40;
/** How near (in characters) to the slot phrase a question's word must be to be the thing asked about. */
const NEXT_TO = 4;

/**
 * Of the slots the question asks, the share the clause fills within NEAR characters of the thing asked about
 * (anywhere in a table row or a short clause: a row or a one-line item is all about its words). 1 when the question asks
 * none; 0 for a slot when the clause lacks every word beside it.
 */
export function slotsFilledBeside(question: string, clauseText: string, words: Array<{ token: string; held: boolean }>, isRow = false): number {
  const q = question.toLowerCase();
  const slots = SLOTS.flatMap((s) => {
    const m = s.asks.exec(q);
    return m ? [{ slot: s, from: m.index, to: m.index + m[0].length }] : [];
  });
  if (slots.length === 0) return 1;
  // a row's or an item's serial number (1 上海 …, 3. …) is not a figure it states
  const text = comparable(clauseText).toLowerCase().replace(/^\d{1,3}(?:[.、．]|(?=\p{Script=Han}))/u, '');
  const short = isRow || [...text].length <= 2 * NEAR;
  let filled = 0;
  for (const { slot, from, to } of slots) {
    const beside = words.filter((w) => {
      const at = q.lastIndexOf(w.token);
      return at >= 0 && at + w.token.length >= from - NEXT_TO && at <= to + NEXT_TO;
    });
    // the thing asked about must be in the clause; failing a word beside the slot, any word it shares stands in
    const held = (beside.length > 0 ? beside : words).filter((w) => w.held);
    if (held.length === 0) continue;
    const anchors: number[] = [];
    for (const w of held) {
      const word = comparable(w.token).toLowerCase();
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) anchors.push(at, at + word.length);
    }
    const re = new RegExp(slot.fills.source, 'gu');
    for (const m of text.matchAll(re)) {
      if (short || anchors.length === 0 || anchors.some((a) => Math.abs(a - m.index) <= NEAR)) { filled++; break; }
    }
  }
  return filled / slots.length;
}
