import type { SourceDocument } from '../catalog.js';
import type { Clause, ClauseKind } from '../clause.js';
import { countHan } from '../text/normalize.js';
import { removeStrayMarks } from './clean.js';
import { departmentsInText, departmentsInRow } from './departments.js';
import { continuesInto, isTitleLike, listItemOf, markerOf, type Marker } from './lines.js';
import { readCellPerLineTable, readPipeTable, readTabRowTable, type RawTable } from './tables.js';

/** Bump when parsing or segmentation (the policy vocabulary) changes, so stored indexes built by an older one are rebuilt. */
export const PARSER_VERSION = '16';

interface Open {
  clause: Clause | null; // null for the document root
  level: number;
  segments: string[];
  labels: string[];
  part: string | null;
  counters: Map<string, number>;
}

const BODY_MARKERS = new Set<Marker['kind']>(['attachment', 'chapter', 'section', 'article', 'mdHeading', 'parenCn']);

/** Short title for a path label: the words after a marker up to the first stop, at most `max` characters. */
function shortTitle(rest: string, max = 12): string {
  const head = rest.split(/[。，；：:,;（(]/u)[0]!.trim();
  return head.length > max ? head.slice(0, max) + '…' : head;
}

/** What names a row in a path: its first cell that is not a bare number, without its list marker. */
function rowKey(cells: string[]): string {
  const key = cells.find((c) => !/^\d+$/u.test(c)) ?? cells[0]!;
  const bare = key.replace(/\s+/g, '').replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/u, '');
  const head = bare.split(/[，。；：:,;]/u)[0]!;
  return head.length > 10 ? head.slice(0, 10) + '…' : head;
}

function labelOf(m: Marker): { label: string; seg: string } {
  switch (m.kind) {
    case 'attachment': return { label: m.marker, seg: `att${m.n}` };
    case 'attachmentList': return { label: '附件', seg: 'al' };
    case 'chapter': return { label: m.marker + shortTitle(m.rest), seg: `ch${m.n}` };
    case 'section': return { label: m.marker + shortTitle(m.rest), seg: `s${m.n}` };
    case 'article': return { label: m.marker, seg: `a${m.n}` };
    case 'group': return { label: m.marker, seg: 'g' };
    case 'parenCn': return { label: m.marker + shortTitle(m.rest), seg: `p${m.n}` };
    case 'num': return { label: `第${m.n}条`, seg: `i${m.n}` };
    case 'parenNum': return { label: `（${m.n}）`, seg: `n${m.n}` };
    case 'letter': return { label: m.marker, seg: `l${m.n}` };
    case 'listItem': return { label: shortTitle(m.rest, 16), seg: 'li' };
    // reference headings mix English notes into Chinese titles; the path keeps the Chinese
    case 'mdHeading': return { label: shortTitle(m.rest.replace(/\([^)]*\)/gu, '').replace(/[A-Za-z][A-Za-z-]{2,}/gu, '').replace(/[\s+—–-]+$/u, '').replace(/\s+/gu, ' ').trim(), 20) || '节', seg: 'h' };
  }
}

const KIND_OF: Record<Marker['kind'], ClauseKind> = {
  attachment: 'attachment', attachmentList: 'heading', chapter: 'heading', section: 'heading', article: 'article',
  group: 'group', parenCn: 'item', num: 'item', parenNum: 'item', letter: 'item', listItem: 'item', mdHeading: 'heading',
};

/**
 * Reference texts carry editorial notes in English (source addresses, caveats): provenance, not clauses.
 * A note that carries substantial Chinese text (the R&D deduction's excluded industries) stays, as written.
 */
function isEditorial(line: string): boolean {
  if (STATES_COUNTS.test(line)) return false;
  const han = countHan(line);
  // a note on which texts are (not) at hand is about the sources, whatever titles it quotes
  return /https?:\/\//u.test(line) || han === 0 || (englishWords(line) >= 3 && han < 20) || /\bat hand\b/iu.test(line);
}

/**
 * A header line stating how many entries the text has at each level (Counts: 8 level-1, 52 level-2 …): not about the
 * source but about the text itself, and the one answer to "高新技术领域有几大类".
 */
export const STATES_COUNTS = /^Counts:\s*\d+\s+level-\d/u;

/** A reference section heading that says its text is not what we answer from. */
function isProvenanceSection(line: string): boolean {
  return /^##\s.*(?:do NOT use|not at hand)/i.test(line);
}

function englishWords(line: string): number {
  return line.match(/[A-Za-z]{3,}/g)?.length ?? 0;
}

/** Markdown syntax around a reference line ("## ", "- ") is not part of its text. */
function stripMarkdown(line: string): string {
  return line.replace(/^#{1,6}\s+/u, '').replace(/^\s*[-*]\s+/u, '');
}

function referenceLines(lines: string[], whole: boolean): string[] {
  let out = lines;
  if (whole) {
    // the file's own header (title line, provenance notes) precedes the first section; the catalog has the title
    const first = out.findIndex((l) => l.startsWith('## '));
    if (first > 0) out = [...out.slice(0, first).filter((l) => STATES_COUNTS.test(l)), ...out.slice(first)];
    else if (out[0]?.startsWith('# ')) out = out.slice(1);
  }
  // a section the reference marks as sources to reject, or as about texts not at hand (later versions, a guideline
  // only cited by others), is provenance, not part of the text we answer from
  for (let reject = out.findIndex(isProvenanceSection); reject >= 0; reject = out.findIndex(isProvenanceSection)) {
    const next = out.findIndex((l, k) => k > reject && l.startsWith('## '));
    out = [...out.slice(0, reject), ...(next > 0 ? out.slice(next) : [])];
  }
  return out;
}

function nextNonBlank(lines: string[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  return j;
}

type TableStyle = 'cellPerLine' | 'tabRow' | 'pipe';
function tableStyleAt(line: string | undefined, markdown: boolean): TableStyle | null {
  if (line === undefined) return null;
  const inner = line.trim();
  if (markdown) return inner.includes('|') ? 'pipe' : null;
  if (inner.includes('\t')) return 'tabRow';
  if (line.startsWith('\t') && inner !== '') return 'cellPerLine';
  return null;
}

export function parseDocument(doc: SourceDocument): Clause[] {
  const { meta } = doc;
  const markdown = meta.file.endsWith('.md');
  let lines = removeStrayMarks(doc.text).split('\n');
  if (markdown) lines = referenceLines(lines, !meta.section);
  const partHeadings = new Set(meta.parts.map((p) => p.heading));

  const clauses: Clause[] = [];
  const ids = new Set<string>();
  const root: Open = { clause: null, level: -1, segments: [], labels: [], part: null, counters: new Map() };
  const stack: Open[] = [root];
  const structured = lines.some((l) => {
    const m = markerOf(l.trim(), markdown);
    return m !== null && BODY_MARKERS.has(m.kind) && m.kind !== 'parenCn';
  });
  // reference texts have no cover matter: everything in them is body
  let inBody = markdown || !structured;

  const top = () => stack[stack.length - 1]!;
  const nextIndex = (parent: Open, key: string) => {
    const n = (parent.counters.get(key) ?? 0) + 1;
    parent.counters.set(key, n);
    return n;
  };

  function add(parent: Open, kind: ClauseKind, seg: string, label: string, text: string, extra: Partial<Clause> = {}): Open {
    let id = `${meta.id}#${[...parent.segments, seg].join('.')}`;
    if (ids.has(id)) {
      let k = 2;
      while (ids.has(`${id}~${k}`)) k++;
      id = `${id}~${k}`;
    }
    ids.add(id);
    const labels = [...parent.labels, label];
    const part = kind === 'attachment' && partHeadings.has(label) ? label : parent.part;
    const clause: Clause = {
      id, docId: meta.id, parentId: parent.clause?.id ?? null, ord: clauses.length, kind, label,
      path: labels.join(' › '), text, fullText: text, context: '', departments: departmentsInText(text), part, ...extra,
    };
    clauses.push(clause);
    return { clause, level: 99, segments: id.slice(meta.id.length + 1).split('.'), labels, part, counters: new Map() };
  }

  function popTo(level: number) {
    while (stack.length > 1 && top().level >= level) stack.pop();
  }

  function addTable(style: TableStyle, at: number, title: string | null): number {
    const raw: RawTable =
      style === 'cellPerLine' ? readCellPerLineTable(lines, at) : style === 'tabRow' ? readTabRowTable(lines, at) : readPipeTable(lines, at);
    const parent = top();
    const tableTitle = title ?? parent.clause?.text.replace(/^[一二三四五六七八九十]+、/u, '') ?? meta.shortTitle;
    const tIndex = nextIndex(parent, 't');
    // the container's text is what the copy shows for the table as a whole: its title line, else its header row
    const headerText = raw.header.filter(Boolean).join('\t') || (raw.rows[0]?.cells.join('\t') ?? '');
    const table = add(parent, 'table', `t${tIndex}`, shortTitle(tableTitle, 16) || '表', title ?? headerText);
    raw.rows.forEach((row, r) => {
      const own = row.cells.filter((c, k) => c !== '' && !row.inherited[k]);
      if (own.length === 0) return;
      const inheritedCells = row.cells.filter((c, k) => row.inherited[k]);
      const context = [tableTitle, row.group, ...inheritedCells, raw.header.some(Boolean) ? `列：${raw.header.filter(Boolean).join('、')}` : null]
        .filter((x): x is string => Boolean(x))
        .join('｜');
      add(table, 'row', `r${r + 1}`, `第${r + 1}行（${rowKey(own)}）`, own.join('\t'), {
        ...(row.line ? { fullText: row.line } : {}),
        context,
        departments: departmentsInRow(raw.header, row.cells),
        table: { header: raw.header, cells: row.cells },
      });
    });
    return raw.end;
  }

  let pendingTitle: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i]!;
    if (rawLine.trim() === '') continue;

    const style = tableStyleAt(rawLine, markdown);
    if (style) {
      i = addTable(style, i, pendingTitle) - 1;
      pendingTitle = null;
      continue;
    }

    let text = rawLine.trim();
    if (!markdown) {
      for (let j = nextNonBlank(lines, i + 1); j < lines.length && continuesInto(text, lines[j]!); j = nextNonBlank(lines, i + 1)) {
        text += lines[j]!.trim();
        i = j;
      }
    }
    let marker = markerOf(text, markdown) ?? (markdown ? listItemOf(rawLine) : null);
    // a bullet that is an English note around a quoted sentence is a paragraph, not a list level
    if (marker?.kind === 'listItem' && englishWords(text) >= 3) marker = null;
    if (markdown && marker?.kind !== 'mdHeading' && isEditorial(text)) continue;
    if (markdown) text = stripMarkdown(text);
    if (marker && !inBody && BODY_MARKERS.has(marker.kind) && !(marker.kind === 'mdHeading' && marker.level < 1)) inBody = true;

    const next = nextNonBlank(lines, i + 1);
    const tableFollows = tableStyleAt(lines[next], markdown) !== null;

    if (marker && inBody && !(marker.kind === 'mdHeading' && marker.level < 1)) {
      pendingTitle = null;
      popTo(marker.level);
      const { label, seg } = labelOf(marker);
      const parent = top();
      const segment = seg === 'g' || seg === 'li' || seg === 'h' ? `${seg}${nextIndex(parent, seg)}` : seg;
      let ownText = text;
      if (marker.kind === 'attachment') {
        // an attachment's title stands on the next line; it is the attachment's text, not a paragraph of it
        const t = lines[next]?.trim() ?? '';
        if (t && isTitleLike(t) && !markerOf(t, markdown) && !tableStyleAt(lines[next], markdown)) {
          ownText = t;
          i = next;
        }
      }
      const open = add(parent, KIND_OF[marker.kind], segment, label, ownText);
      open.level = marker.level;
      stack.push(open);
      continue;
    }

    if (tableFollows && text.length <= 22 && !/[。；]/u.test(text)) {
      pendingTitle = text;
      continue;
    }
    if (!inBody) {
      add(root, 'front', `f${nextIndex(root, 'f')}`, `文首第${root.counters.get('f')}段`, text);
      continue;
    }
    if (!structured && isTitleLike(text)) {
      popTo(2);
      const parent = top();
      const open = add(parent, 'heading', `h${nextIndex(parent, 'h')}`, shortTitle(text, 20), text);
      open.level = 2;
      stack.push(open);
      continue;
    }
    // "其中，…" after a numbered list qualifies the list as a whole (第十一条（五）), not its last item
    if (/^其中[，,]/u.test(text) && top().clause?.kind === 'item' && top().level >= 5) stack.pop();
    const parent = top();
    const k = nextIndex(parent, 'para');
    add(parent, 'paragraph', `para${k}`, `第${k}段`, text);
  }
  return withListTexts(clauses);
}

/** Longest list a citation quotes whole with its introducing clause. */
const MAX_LIST_CHARS = 1500;

/** Gives each clause that introduces a short list of items the list as part of its citable text. */
function withListTexts(clauses: Clause[]): Clause[] {
  const children = new Map<string, Clause[]>();
  for (const c of clauses) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const subtree = (c: Clause): Clause[] => [c, ...(children.get(c.id) ?? []).flatMap(subtree)];
  return clauses.map((c) => {
    const kids = children.get(c.id) ?? [];
    // a list: marked items, or a roster of short lines under a heading ("一、组成成员" → one line per member)
    const isList = kids.filter((k) => k.kind === 'item').length >= 2 || (kids.length >= 3 && kids.every((k) => k.kind === 'paragraph' && k.text.length <= 60));
    if (c.kind === 'table' || c.text.length > 120 || !isList) return c;
    const lines = subtree(c).map((x) => x.text);
    const full = lines.join('\n');
    return full.length <= MAX_LIST_CHARS ? { ...c, fullText: full } : c;
  });
}
