import { STATES_COUNTS } from '../parse/parser.js';
import { chineseNumeral } from '../text/normalize.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';

const NUM = '(\\d{1,3}|[一二三四五六七八九十百零〇两]{1,4})';

/**
 * Clauses a question names directly: "附件1第7条", "附件一解释说明第5条", "第十一条第（四）项", "通政办发〔2024〕37号".
 * Returned best first; empty when the question addresses nothing.
 */
export function addressedClauses(store: KnowledgeStore, question: string): StoredClause[] {
  const q = question.replace(/\s+/g, '');
  const out: StoredClause[] = [];
  const push = (c: StoredClause | undefined) => { if (c && !out.includes(c)) out.push(c); };

  // 文号: any bracket style, 〔2024〕 (2024) [2024] ［2024］
  for (const m of q.matchAll(/([\p{Script=Han}]{2,8})[〔[（(［](\d{4})[〕\]）)］](\d{1,4})号/gu)) {
    const number = `${m[1]}〔${m[2]}〕${m[3]}号`;
    for (const meta of store.documents.values()) {
      if (!meta.docNumber?.replace(/\s+/g, '').startsWith(number)) continue;
      const clauses = store.clausesOf(meta.id);
      // what a document is: the sentence that issues it, then its opening clauses
      push(clauses.find((c) => c.kind === 'front' && /现印发|审议通过|讨论通过|同意/u.test(c.text)));
      clauses.filter((c) => c.kind !== 'front').slice(0, 2).forEach(push);
    }
  }

  const attachment = new RegExp(`附件${NUM}(?:的)?(其他说明|解释说明)?(?:的)?(?:第${NUM}(?:条|项|点))?`, 'u').exec(q);
  if (attachment) {
    const a = chineseNumeral(attachment[1]!.replace('两', '二'));
    const group = attachment[2];
    const item = attachment[3] ? chineseNumeral(attachment[3].replace('两', '二')) : null;
    for (const c of store.clauses.values()) {
      if (c.kind !== 'attachment' || !new RegExp(`^附件${a}$|^附件$`).test(c.label)) continue;
      if (item === null && !group) { push(c); continue; }
      const prefix = group ? `${c.path} › ${group} › ` : `${c.path} › `;
      for (const x of store.clausesOf(c.docId)) {
        if (item !== null ? x.path === `${prefix}第${item}条` : x.path === `${c.path} › ${group}`) push(x);
      }
    }
  } else {
    const article = new RegExp(`第${NUM}条(?:第?[（(]${NUM}[）)]项?)?`, 'u').exec(q);
    if (article) {
      const n = chineseNumeral(article[1]!.replace('两', '二'));
      const sub = article[2] ? chineseNumeral(article[2].replace('两', '二')) : null;
      for (const c of store.clauses.values()) {
        if (c.kind !== 'article' || chineseNumeral(c.label.slice(1, -1)) !== n) continue;
        if (sub === null) push(c);
        else push(store.children(c.id).find((x) => x.id.endsWith(`.p${sub}`)));
      }
    }
  }
  for (const c of countsAsked(store, q)) push(c);
  return out;
}

/** 几大类, 几个一级领域, 多少个二级, 几个小类: how many entries a classification has at a level */
const COUNT_OF_LEVELS = /几(?:个)?(?:大类|小类|一级|二级|三级)|多少(?:个)?(?:大类|小类|一级|二级|三级)|几大(?:类|领域)|(?:几|多少)个领域/u;
/** Fewest characters of a title's end a question must write to name it (技术领域 of 国家重点支持的高新技术领域). */
const TITLE_END = 4;

/**
 * "高新技术领域总共几大类": the line of a classification stating its counts, when the question asks how many entries
 * it has and names it by its title's end. No word of the question is in that line, which states the counts in English.
 */
function countsAsked(store: KnowledgeStore, q: string): StoredClause[] {
  if (!COUNT_OF_LEVELS.test(q)) return [];
  return [...store.documents.values()]
    .filter((d) => [...d.shortTitle].length >= TITLE_END && q.includes([...d.shortTitle].slice(-TITLE_END).join('')))
    .flatMap((d) => store.clausesOf(d.id).filter((c) => c.kind === 'paragraph' && STATES_COUNTS.test(c.text)));
}
