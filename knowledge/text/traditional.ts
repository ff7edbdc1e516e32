/**
 * Traditional → simplified characters, for searching only: two reference passages (the 科小 direct routes and
 * indicator notes) are copies in traditional script, and users type simplified. Quotes stay as written.
 */
const PAIRS =
  '來来個个價价內内別别則则創创動动務务勞劳勵励區区單单員员國国專专導导庫库從从擁拥數数時时書书會会條条業业構构標标' +
  '機机準准獎奖獲获產产發发確确稅税簽签納纳級级經经總总繳缴職职臨临術术計计訂订評评認认證证財财費费資资辦办過过銷销' +
  '鑒鉴門门開开關关際际險险項项須须額额體体並并與与為为後后應应這这對对學学實实將将據据處处報报質质滿满說说問问題题' +
  '當当號号歸归舉举於于無无裡里從从們们進进選选還还讓让認认識识話话請请記记設设許许論论講讲證证語语談谈調调變变' +
  '圖图團团園园場场塊块壞坏夠够頭头賣卖買买貸贷費费貼贴資资賽赛質质轉转輔辅輕轻農农運运達达遠远適适邊边鄉乡釐厘' +
  '鐵铁銀银長长門门閱阅隊队階阶雙双雜杂雞鸡電电靈灵韓韩頁页預预領领風风飛飞館馆驗验髮发鬥斗黨党齊齐';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
