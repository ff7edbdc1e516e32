/** What a clause is, structurally; decides how its label reads in a path. */
export type ClauseKind =
  | 'front' // cover matter before the body: title, 文号, addressee, 印发 paragraph
  | 'attachment' // 附件N
  | 'heading' // 一、 / 第X章 / markdown ## / a report's section title
  | 'article' // 第X条
  | 'group' // 其他说明： / 解释说明：
  | 'item' // （一） / 1. / （1） / A. / a list entry
  | 'paragraph'
  | 'table'
  | 'row';

/** One addressable piece of a document: what a citation points at. */
export interface Clause {
  /** stable across rebuilds while the text's structure is unchanged: `${docId}#${segments}` */
  id: string;
  docId: string;
  parentId: string | null;
  /** position in document order */
  ord: number;
  kind: ClauseKind;
  /** short label used in paths: 附件1, 第7条, 三、重点任务, 第2行（南通高新区） */
  label: string;
  /** human-readable place in the document, labels joined by › */
  path: string;
  /** the verbatim text (stray web marks removed, nothing else changed); table cells are joined by a tab */
  text: string;
  /**
   * what a citation of the clause quotes: its text, and for a clause that introduces a short list ("…取消其
   * 高新技术企业资格：", "(3)知识产权数量(8分)") the list under it too, line by line — the list is what answers
   */
  fullText: string;
  /** header context of a table row (table title, column names, cells inherited from merged cells); '' elsewhere */
  context: string;
  /** the 责任单位 / 牵头部门 / 主办单位 the clause names, as written */
  departments: string[];
  /** heading of the catalog part (e.g. 附件1) this clause sits in, if any */
  part: string | null;
  /** a table row's cells aligned to its header (merged cells filled in): what typed records are read from at index time */
  table?: { header: string[]; cells: string[] };
}
