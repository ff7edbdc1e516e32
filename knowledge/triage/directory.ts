import type { KnowledgeStore } from '../store/store.js';
import { aliasKeys, departmentKey, isRoutable } from './names.js';
import { responsibilitiesIn, type Responsibility } from './responsibilities.js';
import { topicOf } from './topics.js';

/** One office of one jurisdiction, with everything the documents make it responsible for. */
export interface Department {
  key: string;
  jurisdiction: string;
  /** the name it is most often written under in its jurisdiction's documents */
  name: string;
  /** every way the documents write it (区市监局, 区市场监管局, 区市场监督管理局) */
  writtenAs: string[];
  /** other keys the text gives it (区委组织部（人才办） is also 区人才办) */
  aliases: string[];
  /** false for 各区镇, 各县（市、区）人民政府, 区委、区政府: named, but no help desk routes to them */
  routable: boolean;
  responsibilities: Responsibility[];
  /** what it is responsible for, in short: task titles and its own duties */
  topics: string[];
}

const slot = (jurisdiction: string, key: string) => `${jurisdiction}\u0000${key}`;

/**
 * The department directory, built from the stored clauses: every 责任单位 / 牵头部门 / 主办单位 and 职责分工 entry,
 * names normalised, kept per jurisdiction (启东's 市科技局 is not 南通's). Under a thousand clauses: built on
 * first use per store, in document order, so the same store always gives the same directory.
 */
export class DepartmentDirectory {
  private static readonly built = new WeakMap<KnowledgeStore, DepartmentDirectory>();
  private readonly index = new Map<string, Department>();

  private constructor(readonly departments: Department[]) {
    for (const d of departments) {
      this.index.set(slot(d.jurisdiction, d.key), d);
      for (const a of d.aliases) if (!this.index.has(slot(d.jurisdiction, a))) this.index.set(slot(d.jurisdiction, a), d);
    }
  }

  static of(store: KnowledgeStore): DepartmentDirectory {
    let dir = DepartmentDirectory.built.get(store);
    if (!dir) DepartmentDirectory.built.set(store, (dir = DepartmentDirectory.build(store)));
    return dir;
  }

  private static build(store: KnowledgeStore): DepartmentDirectory {
    const bySlot = new Map<string, { dept: Department; counts: Map<string, number> }>();
    for (const r of responsibilitiesIn(store)) {
      const key = departmentKey(r.written, r.jurisdiction);
      const s = slot(r.jurisdiction, key);
      let entry = bySlot.get(s);
      if (!entry) {
        entry = {
          dept: { key, jurisdiction: r.jurisdiction, name: r.written, writtenAs: [], aliases: [], routable: isRoutable(r.written), responsibilities: [], topics: [] },
          counts: new Map(),
        };
        bySlot.set(s, entry);
      }
      const { dept, counts } = entry;
      dept.responsibilities.push(r);
      counts.set(r.written, (counts.get(r.written) ?? 0) + 1);
      if (!dept.writtenAs.includes(r.written)) dept.writtenAs.push(r.written);
      for (const a of aliasKeys(r.written, r.jurisdiction)) if (!dept.aliases.includes(a)) dept.aliases.push(a);
      const topic = topicOf(r);
      if (topic && !dept.topics.includes(topic)) dept.topics.push(topic);
    }
    const departments = [...bySlot.values()].map(({ dept, counts }) => {
      // the most frequent writing names it; on a tie, the first one met
      let name = dept.writtenAs[0]!;
      for (const w of dept.writtenAs) if (counts.get(w)! > counts.get(name)!) name = w;
      return { ...dept, name };
    });
    return new DepartmentDirectory(departments);
  }

  /** The department a name means in a jurisdiction, by any of its writings or the text's aliases. */
  find(name: string, jurisdiction: string): Department | undefined {
    return this.index.get(slot(jurisdiction, departmentKey(name, jurisdiction)));
  }

  inJurisdiction(jurisdiction: string): Department[] {
    return this.departments.filter((d) => d.jurisdiction === jurisdiction);
  }
}
