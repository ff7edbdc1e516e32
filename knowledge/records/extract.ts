import type { DocumentMeta } from '../catalog.js';
import type { Clause } from '../clause.js';
import type { TableRecord, TargetRecord, TaskRecord } from './records.js';

/** A cell's text with the layout spaces a wrapped cell picks up ("市科技局、财 政局") removed. */
const tidy = (s: string | undefined) => (s ?? '').replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '').replace(/\s+/gu, ' ').trim();

function column(header: string[], cells: string[], ...names: string[]): string | null {
  const k = header.findIndex((h) => names.some((n) => tidy(h).includes(n)));
  const v = k >= 0 ? tidy(cells[k]) : '';
  return v && v !== '—' ? v : null;
}

/** The place a clause speaks for: its catalog part's jurisdiction, else its document's. */
function placeOf(meta: DocumentMeta, c: Clause): string {
  return (c.part && meta.parts.find((p) => p.heading === c.part)?.jurisdiction) || meta.jurisdiction;
}

function rowRecords(meta: DocumentMeta, c: Clause, title: string): TableRecord[] {
  const { header = [], cells = [] } = c.table ?? {};
  const has = (n: string) => header.some((h) => tidy(h).includes(n));
  if (has('主攻方向')) {
    const own = c.text.split('\t');
    const last = own[own.length - 1]!;
    const colon = last.indexOf('：');
    const region = tidy(cells[0]);
    // "海安开发区：…" names the park in its cell; where the 板块 is the park, the row is "南通创新区\t…"
    return colon > 0
      ? [{ kind: 'park', clauseId: c.id, region, park: last.slice(0, colon), directions: last.slice(colon + 1), cell: last }]
      : [{ kind: 'park', clauseId: c.id, region, park: region, directions: last, cell: c.text }];
  }
  if (has('招引目标任务数')) {
    const place = column(header, cells, '单位');
    const year = Number(/(20\d\d)年/u.exec(title)?.[1]) || null;
    // the 合计 row has no unit: its figures are the table's totals, not a place's
    if (!place || /^\d+$/u.test(place)) return [];
    return header.flatMap((h, k) => {
      const figure = tidy(cells[k]);
      return /数$/u.test(tidy(h)) && /^\d+$/u.test(figure)
        ? [{ kind: 'target' as const, clauseId: c.id, place, year, subject: tidy(h), figure, statement: `${place}\t${figure}` }]
        : [];
    });
  }
  if (has('地点') && has('日期')) {
    const get = (n: string) => column(header, cells, n) ?? '';
    return [{ kind: 'activity', clauseId: c.id, place: get('地点'), name: get('名称'), content: get('内容'), date: get('日期'), host: get('主办'), organiser: get('承办'), type: get('类型') }];
  }
  if (has('责任单位') || has('牵头部门') || (has('部门') && has('职责'))) {
    const task = column(header, cells, '任务分工', '工作任务', '职责');
    if (!task) return [];
    return [{
      kind: 'task', clauseId: c.id, task,
      lead: column(header, cells, '牵头部门'),
      responsible: column(header, cells, '责任单位') ?? (has('职责') ? column(header, cells, '部门') : null),
      deadline: column(header, cells, '完成时限', '时间进度'),
    }];
  }
  return [];
}

const FIGURE = /(\d+(?:\.\d+)?)\s*(%|％|家|个|项|名|人|件|亿元|万元|亿|条)/u;

/**
 * The figures a 目标 section sets ("到2024年，全区有效高新技术企业达400家"): one record per clause of a sentence
 * that states a number with its unit, the year from the sentence (到2024年), else the plan's own year.
 */
function targetStatements(meta: DocumentMeta, c: Clause, planYear: number | null, text = c.text): TargetRecord[] {
  const out: TargetRecord[] = [];
  for (const sentence of text.split(/(?<=[。；;])/u)) {
    const year = Number(/到\s*(20\d\d)\s*年/u.exec(sentence)?.[1]) || planYear;
    for (const part of sentence.split(/[，,；;。]/u)) {
      const m = FIGURE.exec(part);
      if (!m || /^到\s*20\d\d\s*年$/u.test(part.trim())) continue;
      const subject = part.slice(0, m.index).replace(/^(?:\d+[.．、]\s*)?(?:到\s*20\d\d\s*年)?(?:力争)?/u, '').trim().replace(/(?:达到|达|超过|超|不少于|不低于|力争|新增|净增|实现)+$/u, '').trim();
      if (subject.length < 2) continue;
      out.push({ kind: 'target', clauseId: c.id, place: placeOf(meta, c), year, subject, figure: m[0], statement: part.trim() });
    }
  }
  return out;
}

/** "（责任单位：市科技局，各区镇）" closing an item of a plan: who carries the item out. */
const RESPONSIBLE = /[（(]\s*责任单位\s*[:：]\s*([^）)]+?)\s*[）)]\s*$/u;

/**
 * An item of a plan that ends by naming its 责任单位 (启东's and 海门's plans write each item so) is a task as a table
 * row is: the item's words without its number and the 责任单位 note.
 */
function responsibilityOf(c: Clause): TaskRecord | null {
  const m = RESPONSIBLE.exec(c.text);
  if (!m) return null;
  const lead = c.text.slice(0, m.index).replace(/^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d+\s*[.．、])\s*/u, '').trim();
  return lead ? { kind: 'task', clauseId: c.id, task: tidy(lead.replace(/\*/gu, '')), lead: null, responsible: tidy(m[1]), deadline: null } : null;
}

/** The typed records of a document's tables and 目标 sections. */
export function extractRecords(meta: DocumentMeta, clauses: Clause[]): TableRecord[] {
  if (meta.jurisdiction === '全国') return [];
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const ancestors = (c: Clause) => {
    const out: Clause[] = [];
    for (let p = c.parentId ? byId.get(c.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) out.push(p);
    return out;
  };
  const planYear = meta.validity?.to && meta.validity.to.slice(0, 4) === meta.validity.from?.slice(0, 4) ? Number(meta.validity.to.slice(0, 4)) : null;
  const out: TableRecord[] = [];
  for (const c of clauses) {
    if (c.kind === 'row' && c.table) {
      const table = c.parentId ? byId.get(c.parentId) : undefined;
      const rows = rowRecords(meta, c, `${table?.label ?? ''} ${c.context}`);
      out.push(...rows);
      // a task that sets a figure ("全区拥有知识产权的泛科技型企业达到800家") is a target as a 目标 sentence is
      for (const r of rows) if (r.kind === 'task') out.push(...targetStatements(meta, c, planYear, r.task));
    } else if (c.kind !== 'row' && c.kind !== 'table') {
      if (ancestors(c).some((a) => /目标/u.test(a.label)) || /到\s*20\d\d\s*年/u.test(c.text)) out.push(...targetStatements(meta, c, planYear));
      const task = responsibilityOf(c);
      if (task) out.push(task);
    }
  }
  return out;
}
