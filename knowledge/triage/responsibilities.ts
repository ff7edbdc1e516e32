import { splitUnits } from '../parse/departments.js';
import type { KnowledgeStore, StoredClause } from '../store/store.js';
import { comparable } from '../text/normalize.js';
import { levelOf } from './jurisdictions.js';
import { isRoutable, repairUnitList, withCarriedLevel } from './names.js';

/**
 * How a clause makes a unit responsible, strongest first:
 * - duty: the unit's own line in a 职责分工 table (海门 附件2) — what that office does, in its own words;
 * - lead: a 牵头部门 / 主办单位 column, the only unit a task names, or the subject of "X负责…";
 * - listed: one of several units in a 责任单位 list (listed in order of primacy);
 * - support: a 责任单位 column beside a 牵头部门 one, or a 承办（配合）单位.
 */
export type Role = 'duty' | 'lead' | 'listed' | 'support';

export interface Responsibility {
  /** the clause that names the unit responsible: what a route cites */
  clause: StoredClause;
  /** the clauses that say what the task is: the clause itself, and the item a continuation paragraph belongs to */
  topicClauses: StoredClause[];
  /** the unit as written, with the level its list carries (财政局 in "市发展改革委、财政局" reads 市财政局) */
  written: string;
  jurisdiction: string;
  role: Role;
  /** place among the units named in the same role, 0 first */
  position: number;
}

/** Tables whose rows hold a 部门 → 职责 pair (海门's 二、职责分工). */
const DUTY_TABLE = /列：部门、职责/u;
const RESPONSIBLE_COLUMNS = /牵头部门|责任单位|主办单位|承办/gu;
/**
 * A sentence whose subject is a list of offices and whose verb assigns them the work:
 * "市科技局负责统筹推进…", "区科技局会同区相关部门…", "区委组织部（人才办）、区科技局…和南通高新区要统筹好…".
 */
const ALIAS = '(?:[（(][^）)]{1,6}[）)])?';
const UNIT = `(?:市|区|县)[\\u4e00-\\u9fa5]{1,12}?(?:局|委|办|部|中心)${ALIAS}`;
const MORE_UNITS = `(?:[、和][\\u4e00-\\u9fa5]{2,14}?(?:局|委|办|部|中心|高新区|开发区)${ALIAS})*`;
const SUBJECT = new RegExp(`^(${UNIT}${MORE_UNITS})(负责|牵头|会同|要)`, 'u');

function jurisdictionOf(store: KnowledgeStore, clause: StoredClause): string {
  const doc = store.documents.get(clause.docId)!;
  const part = clause.part ? doc.parts.find((p) => p.heading === clause.part) : undefined;
  return part?.jurisdiction ?? doc.jurisdiction;
}

/** Every responsibility the local policy documents assign, in document order. Deterministic. */
export function responsibilitiesIn(store: KnowledgeStore): Responsibility[] {
  const out: Responsibility[] = [];
  for (const doc of store.documents.values()) {
    // national texts name no local office; a news report describes work done, it assigns none
    if (doc.jurisdiction === '全国' || doc.sourceKind === 'report') continue;
    for (const clause of store.clausesOf(doc.id)) {
      const jurisdiction = jurisdictionOf(store, clause);
      if (jurisdiction === '全国') continue;
      const found =
        clause.departments.length > 0
          ? clause.kind === 'row'
            ? fromRow(store, clause, jurisdiction)
            : fromNote(store, clause, jurisdiction)
          : fromSubject(clause, jurisdiction);
      out.push(...found);
    }
  }
  return out;
}

function units(list: string[], jurisdiction: string): string[] {
  return withCarriedLevel(repairUnitList(list), levelOf(jurisdiction));
}

/** Roles in a written list: a sole routable unit leads; several are listed in order. */
function listed(names: string[], base: Omit<Responsibility, 'written' | 'role' | 'position'>, multiRole: Role): Responsibility[] {
  const sole = names.filter(isRoutable).length === 1;
  return names.map((written, position) => ({ ...base, written, position, role: sole && isRoutable(written) ? 'lead' : multiRole }));
}

function fromNote(store: KnowledgeStore, clause: StoredClause, jurisdiction: string): Responsibility[] {
  const parent = clause.parentId ? store.clause(clause.parentId) : undefined;
  // a page break can split a task from its （责任单位：…） note: the item above is the task's beginning
  const continues = clause.kind === 'paragraph' && parent?.kind === 'item' && parent.departments.length === 0;
  const topicClauses = continues ? [parent, clause] : [clause];
  return listed(units(clause.departments, jurisdiction), { clause, topicClauses, jurisdiction }, 'listed');
}

function fromRow(store: KnowledgeStore, clause: StoredClause, jurisdiction: string): Responsibility[] {
  const base = { clause, topicClauses: [clause], jurisdiction };
  const named = units(clause.departments, jurisdiction);
  if (DUTY_TABLE.test(clause.context)) return named.map((written, position) => ({ ...base, written, position, role: 'duty' as const }));
  const known = new Set(named.map(comparable));
  const cells = clause.text.split('\t').map((cell) => units(splitUnits(cell), jurisdiction).filter((u) => known.has(comparable(u))));
  const unitCells = cells.filter((c) => c.length > 0);
  // two responsibility columns (牵头部门 + 责任单位, 主办 + 承办): the first leads, the second supports
  const twoColumns = (clause.context.match(RESPONSIBLE_COLUMNS)?.length ?? 0) >= 2;
  if (!twoColumns || unitCells.length === 0) return listed(named, base, 'listed');
  const [leadCell, ...rest] = unitCells;
  const leads = leadCell!.map((written, position) => ({ ...base, written, position, role: 'lead' as const }));
  // 区委、区政府 主办, 区科技局 承办: when the lead column names only the government, the next one does the work
  const others = leadCell!.some(isRoutable)
    ? rest.flat().map((written, position) => ({ ...base, written, position, role: 'support' as const }))
    : listed(rest.flat(), base, 'listed');
  return [...leads, ...others];
}

function fromSubject(clause: StoredClause, jurisdiction: string): Responsibility[] {
  const out: Responsibility[] = [];
  for (const sentence of clause.text.split(/[。；]/u)) {
    const m = SUBJECT.exec(sentence.replace(/\s+/gu, ''));
    if (!m) continue;
    const names = units(m[1]!.split(/[、和]/u), jurisdiction);
    const assigns = m[2] !== '要' || names.length === 1;
    out.push(...listed(names, { clause, topicClauses: [clause], jurisdiction }, assigns ? 'lead' : 'listed'));
  }
  return out;
}
