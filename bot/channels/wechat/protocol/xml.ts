import { XMLParser } from 'fast-xml-parser';
import { HttpError } from '../../http/body.js';

/** A platform message or envelope: flat text fields (Encrypt, FromUserName, MsgType, Content, MsgId …). */
export type XmlFields = Record<string, string>;

// every value stays text: a MsgId of 19 digits is not a safe JS number
const parser = new XMLParser({ parseTagValue: false, trimValues: false, processEntities: true, ignoreDeclaration: true });

/** Reads `<xml>…</xml>` into its text fields; anything else (or a document type, which could define entities) is a 400. */
export function parseXml(text: string): XmlFields {
  if (/<!DOCTYPE|<!ENTITY/iu.test(text)) throw new HttpError(400, 'document types are not accepted');
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch {
    throw new HttpError(400, 'malformed XML');
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (typeof root !== 'object' || root === null) throw new HttpError(400, 'expected an <xml> document');
  return Object.fromEntries(Object.entries(root).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Digits written as they were received, not in CDATA: a signed timestamp must read back as the string signed ("0017" stays "0017"). */
export class Digits {
  constructor(readonly text: string) {
    if (!/^\d+$/u.test(text)) throw new Error(`not digits: ${text}`);
  }
}

/** Builds `<xml>…</xml>` with every text field in CDATA, numbers and digits as they are. */
export function buildXml(fields: Record<string, string | number | Digits>): string {
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : v instanceof Digits ? v.text : cdata(v)}</${k}>`)
    .join('')}</xml>`;
}
