import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { CsvRecords, firstRecordText, sniffDelimiter, UnclosedQuoteError } from './csv.js';
import { type Sheet, SheetError, type SheetRow } from './sheet.js';
import { TextDecoding } from './text-decoding.js';

/** A spreadsheet to screen: a file on disk, or the bytes of an upload. */
export type SheetInput = { path: string } | { bytes: Buffer };

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const CHUNK = 1 << 16;

/** An upload read in the pieces a file would be, so that its rows stream in the same bounded steps. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** A zip archive's first bytes: a file entry, an empty archive, or a spanned one. */
function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && [0x0304, 0x0506, 0x0708].includes(((head[2] ?? 0) << 8) | (head[3] ?? 0));
}

async function leadingBytes(input: SheetInput): Promise<Buffer> {
  if ('bytes' in input) return input.bytes.subarray(0, 8);
  const file = await open(input.path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Opens a CSV or .xlsx file by what it holds, not by its name: an .xlsx is a zip archive. The old binary .xls
 * (an OLE container, which is also what an encrypted workbook is) cannot be read and says so.
 */
export async function openSheet(input: SheetInput): Promise<Sheet> {
  let totalBytes: number;
  let head: Buffer;
  try {
    totalBytes = 'bytes' in input ? input.bytes.length : (await stat(input.path)).size;
    head = await leadingBytes(input);
  } catch (e) {
    throw new SheetError(`cannot read ${'path' in input ? input.path : 'the upload'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (head.subarray(0, 4).equals(OLE)) {
    throw new SheetError('旧版 .xls 或加密的工作簿无法读取，请另存为 .xlsx 或 CSV / legacy .xls or encrypted workbooks are not supported: save as .xlsx or CSV');
  }
  let bytesRead = 0;
  const counted = (source: Readable) =>
    source.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytesRead += chunk.length;
          done(null, chunk);
        },
      }),
    );
  const bytes = () => counted('bytes' in input ? Readable.from(pieces(input.bytes)) : createReadStream(input.path, { highWaterMark: CHUNK }));
  const progress = () => ({ bytesRead, totalBytes });

  if (isZip(head)) {
    return { format: 'xlsx', encoding: null, rows: readXlsx(bytes()), progress };
  }
  const decoding = new TextDecoding();
  return {
    format: 'csv',
    get encoding() {
      return decoding.encoding;
    },
    rows: csvRows(bytes(), decoding),
    progress,
  };
}

async function* readXlsx(stream: Readable): AsyncGenerator<SheetRow> {
  try {
    // exceljs takes a good half second to load: only workbooks pay for it
    const { xlsxRows } = await import('./xlsx.js');
    yield* xlsxRows(stream);
  } catch (e) {
    if (e instanceof SheetError) throw e;
    throw new SheetError(`不是可读取的 .xlsx 文件 / not a readable .xlsx workbook: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    stream.destroy();
  }
}

async function* csvRows(stream: Readable, decoding: TextDecoding): AsyncGenerator<SheetRow> {
  let parser: CsvRecords | null = null;
  let waiting = '';
  let number = 0;
  const rows = (records: string[][]) => records.map((cells): SheetRow => ({ number: ++number, cells }));
  const feed = (text: string): SheetRow[] => {
    if (parser) return rows(parser.push(text));
    // the delimiter is read off the first record, which may itself arrive in pieces
    waiting += text;
    const first = firstRecordText(waiting);
    if (first === null) return [];
    parser = new CsvRecords(sniffDelimiter(first));
    const all = waiting;
    waiting = '';
    return rows(parser.push(all));
  };
  try {
    for await (const chunk of stream) yield* feed(decoding.write(chunk as Buffer));
    yield* feed(decoding.end());
    parser ??= new CsvRecords(sniffDelimiter(waiting));
    if (waiting) yield* rows(parser.push(waiting));
    yield* rows(parser.end());
  } catch (e) {
    if (e instanceof UnclosedQuoteError) {
      throw new SheetError(`第 ${number + 1} 行起的引号没有闭合，其后各行无法分开 / the quote opened in row ${number + 1} is never closed`);
    }
    throw e;
  } finally {
    stream.destroy();
  }
}
