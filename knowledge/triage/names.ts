import { nfkc } from '../text/normalize.js';
import { leadingDivision, levelOf, type Level } from './jurisdictions.js';

/**
 * Department names as the documents write them, and the key two writings of the same department share.
 * 区市监局 = 区市场监管局 = 区市场监督管理局; 发展改革委 = 发改委; 市委人才办 = 市人才办; 海门税务局 (in 海门) = 区税务局.
 */

/** Width forms and layout spaces never distinguish two names. */
export function cleanName(name: string): string {
  return nfkc(name).replace(/\s+/gu, '');
}

/** 市科技局, 区税务局, 县… — but 市场监管局 is an unprefixed name that happens to start with 市. */
export function levelPrefix(name: string): Level | null {
  if (/^市场/u.test(name)) return null;
  const m = /^(市|区|县)/u.exec(name);
  return m ? (m[1] as Level) : null;
}

/** A unit everyone addresses collectively: 各区镇, 各县（市、区）人民政府, 市各直属园区管委会, 市科创委成员单位. */
export function isCollective(name: string): boolean {
  return /^(?:市|区|县)?各|成员单位$|相关部门/u.test(name);
}

/** The jurisdiction's own party committee or government (区委、区政府): named as sponsor, never a help desk. */
export function isGoverningBody(name: string): boolean {
  return /^(?:市|区|县)(?:委|政府|人民政府)$/u.test(name);
}

/** Can a caller be routed to it? Collective addressees and the government itself are listed but not routed to. */
export function isRoutable(name: string): boolean {
  return !isCollective(name) && !isGoverningBody(name);
}

/** A government department written without its level (财政局 in "市发展改革委、财政局"), which inherits one. */
function takesLevel(name: string): boolean {
  return (
    levelPrefix(name) === null &&
    /(?:局|委|办|部|中心|委员会)(?:[（(][^（）()]*[)）])?$/u.test(name) &&
    !/^(?:各|国家|中国|人行)/u.test(name) &&
    leadingDivision(name) === null
  );
}

/**
 * Repairs what splitting a list on 、 did to names holding a bracketed list (各县（市 + 区）人民政府) and splits
 * two units a lost line break ran together (金沙街道办事处兴仁镇人民政府).
 */
export function repairUnitList(names: string[]): string[] {
  const out: string[] = [];
  let open = '';
  // layout spaces go; width forms stay as written (names are shown as the documents write them)
  for (const raw of names.map((n) => n.replace(/\s+/gu, ''))) {
    const name = open ? `${open}、${raw}` : raw;
    if (depth(name) > 0) {
      open = name;
      continue;
    }
    open = '';
    const runTogether = /^(.+?(?:办事处|人民政府))(.+?(?:办事处|人民政府))$/u.exec(name);
    if (runTogether) out.push(runTogether[1]!, runTogether[2]!);
    else out.push(name);
  }
  if (open) out.push(open);
  return out;
}

function depth(name: string): number {
  return (name.match(/[（(]/gu)?.length ?? 0) - (name.match(/[)）]/gu)?.length ?? 0);
}

/**
 * The names of one written list with the level carried along: in "市发展改革委、财政局、科技局" the 市 of the first
 * name is also the second's and third's. A list that starts unprefixed takes the document's level.
 */
export function withCarriedLevel(names: string[], documentLevel: Level): string[] {
  let current: Level = documentLevel;
  return names.map((n) => {
    const own = levelPrefix(n);
    if (own) {
      current = own;
      return n;
    }
    return takesLevel(n) ? current + n : n;
  });
}

// Long and short forms of the same office, longest first so a long form is never half-replaced.
const SAME_OFFICE: Array<[RegExp, string]> = [
  [/市场监督管理局$/u, '市场监管局'],
  [/^(区|县|市)市监局$/u, '$1市场监管局'],
  [/发展和?改革委(?:员会)?$/u, '发改委'],
  [/人力资源和?社会保障局$/u, '人社局'],
  [/教育体育局$/u, '教体局'],
  [/住房和?城乡建设局$/u, '住建局'],
  [/卫生健康委(?:员会)?$/u, '卫健委'],
  [/地方金融监督管理局$/u, '地方金融监管局'],
  [/工业和信息化局$/u, '工信局'],
  [/国有资产监督管理委员会$/u, '国资委'],
  [/自然资源和规划局$/u, '自然资源规划局'],
  [/^(市|区|县)委人才办$/u, '$1人才办'],
  [/^中国人民银行/u, '人行'],
  [/^(人行.+?)区支行$/u, '$1支行'],
];

/** The bracketed other name a document gives a unit: 区委组织部（人才办）. */
function bracketedAlias(name: string): { base: string; alias: string } | null {
  const m = /^(.+?)[（(]([^（）()]{2,8})[)）]$/u.exec(name);
  return m && /(?:办|局|委|部)$/u.test(m[2]!) ? { base: m[1]!, alias: m[2]! } : null;
}

/**
 * The key under which a department is filed in a jurisdiction: level-prefixed, short office name. A name that
 * starts with a division's name (海门税务局, 南通市科技局) is that division's office at its level.
 */
export function departmentKey(written: string, jurisdiction: string): string {
  let name = cleanName(written);
  name = bracketedAlias(name)?.base ?? name;
  const lead = leadingDivision(name);
  if (lead && takesLevel(lead.rest)) name = levelOf(lead.division) + lead.rest;
  else if (takesLevel(name)) name = levelOf(jurisdiction) + name;
  for (const [re, short] of SAME_OFFICE) name = name.replace(re, short);
  return name;
}

/** Other keys the text itself gives the same unit: 区委组织部（人才办） is also 区人才办. */
export function aliasKeys(written: string, jurisdiction: string): string[] {
  const name = cleanName(written);
  const b = bracketedAlias(name);
  if (!b) return [];
  const level = levelPrefix(b.base) ?? levelOf(jurisdiction);
  return [departmentKey(level + b.alias, jurisdiction)];
}
