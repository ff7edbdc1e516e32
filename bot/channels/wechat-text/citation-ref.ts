import type { Citation } from '../../../knowledge/citation.js';

/** The numbering that names a place in a text: 第十一条, （一）, 一、, 1., 附件1, 第3行, F. */
const ENUMERATOR = /^(?:第[一二三四五六七八九十百零\d]+[条款项段行]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|附件\d*|[A-Z][.．])/u;
/** A heading with no numbering of its own is kept when it is short enough to read as a name (重点任务分解表). */
const SHORT_HEADING = 8;

/** Where a clause sits, in the few characters a chat line can spare: 第十一条（一）, 附件1 第7条. */
export function shortPlace(path: string): string {
  const places = path
    .split(' › ')
    .filter((segment) => !/^第[一二三四五六七八九十\d]+章/u.test(segment))
    .map((segment) => segment.match(ENUMERATOR)?.[0] ?? (segment.length <= SHORT_HEADING ? segment : null))
    .filter((place): place is string => place !== null)
    .slice(-3);
  return places.reduce((out, place) => (out === '' || /^[（(]/u.test(place) ? out + place : `${out} ${place}`), '');
}

/** The short reference a WeChat message gives instead of the quote: 【国科发火〔2016〕32号 第十一条（一）】. */
export function shortReference(c: Citation): string {
  // a notice that issues a plan (关于印发《…》的通知) is known by the plan's name
  const title = c.partTitle ?? c.docTitle.match(/《(.+?)》/u)?.[1] ?? c.docTitle;
  const doc = c.docNumber ?? `《${title.length > 14 ? `${title.slice(0, 13)}…` : title}》`;
  const place = shortPlace(c.path);
  return `【${doc}${place ? ` ${place}` : ''}】`;
}

/** What “依据” shows: each reference with its document, place and the verbatim quote. */
export function quotedCitation(c: Citation, n: number): string {
  const source = `《${c.partTitle ?? c.docTitle}》${c.docNumber ? `（${c.docNumber}）` : ''}${c.path}`;
  return `${n}. ${shortReference(c)}\n${source}\n“${c.quote}”${c.edition ? `\n（${c.edition}）` : ''}`;
}
