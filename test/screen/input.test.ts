import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvRecords, sniffDelimiter } from '../../screen/input/csv.js';
import { openSheet } from '../../screen/input/open.js';
import { SheetError } from '../../screen/input/sheet.js';
import { TextDecoding } from '../../screen/input/text-decoding.js';

const TEXT = '企业名称,职工总数\r\n南通星海电子科技有限公司,200\r\n"海门""临江""化工",180\r\n';

async function rowsOf(bytes: Buffer) {
  const sheet = await openSheet({ bytes });
  const rows = [];
  for await (const row of sheet.rows) rows.push(row);
  return { rows, encoding: sheet.encoding, format: sheet.format };
}

function decodeInPieces(bytes: Buffer, cuts: number[]): { text: string; encoding: string | null } {
  const decoding = new TextDecoding();
  let text = '';
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    text += decoding.write(bytes.subarray(from, cut));
    from = cut;
  }
  text += decoding.write(bytes.subarray(from));
  text += decoding.end();
  return { text, encoding: decoding.encoding };
}

describe('reading CSV bytes', () => {
  it('detects GBK (read as GB18030) when the bytes are not UTF-8', async () => {
    const { rows, encoding } = await rowsOf(iconv.encode(TEXT, 'gbk'));
    expect(encoding).toBe('gb18030');
    expect(rows.map((r) => r.cells)).toEqual([['企业名称', '职工总数'], ['南通星海电子科技有限公司', '200'], ['海门"临江"化工', '180']]);
  });

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', async () => {
    const withBom = await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    const without = await rowsOf(Buffer.from(TEXT));
    const utf16 = await rowsOf(iconv.encode(TEXT.replaceAll(',', '\t'), 'utf-16le', { addBOM: true }));
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.rows[0]!.cells[0]).toBe('企业名称'); // the mark is not part of the first header
    expect(without.rows).toEqual(withBom.rows);
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.rows.map((r) => r.cells)).toEqual(without.rows.map((r) => r.cells));
  });

  it('decides the encoding on the first non-ASCII bytes, wherever the chunks are cut', () => {
    const ascii = 'name,employees\r\n'.repeat(300);
    for (const encoding of ['gbk', 'utf-8'] as const) {
      const bytes = iconv.encode(ascii + TEXT, encoding);
      const expected = ascii + TEXT;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), (cuts) => {
          const { text, encoding: found } = decodeInPieces(bytes, cuts);
          expect(text).toBe(expected);
          expect(found).toBe(encoding === 'gbk' ? 'gb18030' : 'utf-8');
        }),
        { numRuns: 200 },
      );
    }
  });

  it('numbers rows as a spreadsheet does, even when a quoted field spans lines', async () => {
    const { rows } = await rowsOf(Buffer.from('企业名称,主要产品\n甲公司,"传感器\n与芯片"\n乙公司,软件'));
    expect(rows.map((r) => [r.number, r.cells])).toEqual([[1, ['企业名称', '主要产品']], [2, ['甲公司', '传感器\n与芯片']], [3, ['乙公司', '软件']]]);
  });

  it('refuses a quote that is never closed instead of swallowing the rows after it', async () => {
    await expect(rowsOf(Buffer.from('企业名称,职工总数\n"甲公司,200\n乙公司,300\n'))).rejects.toThrow(/第 2 行起的引号没有闭合/);
  });

  it('refuses the legacy binary .xls, and reads a zip as .xlsx whatever its name', async () => {
    await expect(openSheet({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) })).rejects.toThrow(SheetError);
    await expect(rowsOf(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]))).rejects.toThrow(/没有工作表/);
  });
});

describe('CSV records', () => {
  it('sniffs the delimiter from the header row, ignoring quoted ones', () => {
    expect(sniffDelimiter('企业名称,职工总数,科技人员数')).toBe(',');
    expect(sniffDelimiter('企业名称\t职工总数\t"a,b,c,d"')).toBe('\t');
    expect(sniffDelimiter('企业名称;职工总数;科技人员数')).toBe(';');
  });

  it('gives the same records however the text is split', () => {
    const text = 'a,"b ""q"", c",d\r\n"x\r\ny",,z\rlast,"",end';
    const parser = new CsvRecords(',');
    expect([...parser.push(text), ...parser.end()]).toEqual([['a', 'b "q", c', 'd'], ['x\r\ny', '', 'z'], ['last', '', 'end']]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 10 }), (cuts) => {
        const p = new CsvRecords(',');
        const records: string[][] = [];
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          records.push(...p.push(text.slice(from, cut)));
          from = cut;
        }
        records.push(...p.push(text.slice(from)), ...p.end());
        expect(records).toEqual([['a', 'b "q", c', 'd'], ['x\r\ny', '', 'z'], ['last', '', 'end']]);
      }),
      { numRuns: 300 },
    );
  });
});
