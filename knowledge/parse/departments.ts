/** Splits a written list of units ("区科技局、区财政局，各区镇") into names, as written. */
export function splitUnits(list: string): string[] {
  return list
    .replace(/\n/g, '')
    .split(/[、，,；;]/u)
    .map((s) => s.replace(/\s+/g, '').trim())
    .filter((s) => s !== '' && s !== '—' && s !== '-');
}

/** The units named in "（责任单位：…）" notes, which close most task paragraphs of the 实施意见 and 行动方案. */
export function departmentsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[（(]责任单位[：:]([^）)]*)[）)]/gu)) out.push(...splitUnits(m[1]!));
  return [...new Set(out)];
}

const RESPONSIBLE_COLUMN = /牵头部门|责任单位|主办单位|承办|^部门$/u;

/** The units in a table row's responsibility columns (牵头部门, 责任单位, 主办单位, 承办单位, 部门). */
export function departmentsInRow(header: string[], cells: string[]): string[] {
  const out: string[] = [];
  header.forEach((h, k) => {
    if (RESPONSIBLE_COLUMN.test(h.replace(/\s+/g, '')) && cells[k]) out.push(...splitUnits(cells[k]!));
  });
  return [...new Set(out)];
}
