const QUOTE = 34;
const CR = 13;
const LF = 10;
const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter of a CSV file, from its first record: the candidate that occurs most often outside quotes
 * (comma unless the file is one of Excel's tab-separated "Unicode text" exports or a semicolon locale's CSV).
 */
export function sniffDelimiter(firstRecord: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstRecord) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** The text up to the first line break outside quotes, or null if the text holds none yet. */
export function firstRecordText(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) return text.slice(0, i);
  }
  return null;
}

/**
 * RFC 4180 records from text that arrives in pieces: quoted fields may hold delimiters, doubled quotes and line
 * breaks; lines end in LF, CRLF or CR. Records come back whole, however the text was split.
 */
export class CsvRecords {
  private readonly delimiter: number;
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** a quote seen inside a quoted field: either the closing one or the first of a doubled pair */
  private quoteInQuoted = false;
  private afterCr = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string): string[][] {
    const out: string[][] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quoteInQuoted) {
          this.quoteInQuoted = false;
          if (c === QUOTE) {
            this.field += '"';
            start = i + 1;
            continue;
          }
          this.quoted = false;
        } else {
          if (c === QUOTE) {
            this.field += text.slice(start, i);
            this.quoteInQuoted = true;
            start = i + 1;
          }
          continue;
        }
      }
      if (c === QUOTE && this.field === '' && start === i) {
        this.quoted = true;
        start = i + 1;
      } else if (c === this.delimiter) {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.record.push(this.field + text.slice(start, i));
        out.push(this.record);
        this.record = [];
        this.field = '';
        this.afterCr = c === CR;
        start = i + 1;
      }
    }
    // a field still open carries over to the next piece of text
    this.field += text.slice(start);
    return out;
  }

  /** The last record when the file does not end in a line break. Throws on a quote never closed. */
  end(): string[][] {
    if (this.quoted && !this.quoteInQuoted) throw new UnclosedQuoteError();
    if (this.field === '' && this.record.length === 0) return [];
    this.record.push(this.field);
    const last = this.record;
    this.record = [];
    this.field = '';
    return [last];
  }
}

/** A quoted field runs to the end of the file: every row after its opening quote would be swallowed into it. */
export class UnclosedQuoteError extends Error {
  override name = 'UnclosedQuoteError';
}
