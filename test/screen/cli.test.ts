import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/io.js';
import { createScreenCommand } from '../../cli/screen.js';
import { csvCell } from '../../screen/report/csv.js';
import { ScreeningJson } from '../../screen/result.js';
import { runCommand } from '../helpers/command.js';
import { AS_OF, resolver } from './helpers.js';

const SAMPLE = 'screen/samples/enterprises.csv';
const command = (progress = false) => createScreenCommand({ resolver: () => resolver(), today: () => AS_OF, showProgress: () => progress });
const dir = () => mkdtempSync(join(tmpdir(), 'tongce-screen-cli-'));

describe('tongce screen', () => {
  it('writes the HTML report to --out and prints a summary with the closest candidates', async () => {
    const out = join(dir(), 'report.html');
    const { code, out: stdout } = await runCommand(command(), [SAMPLE, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/已筛查 enterprises\.csv：12 家企业（已判断 12，问题行 0，空行 0），评估日 2026-11-22/);
    expect(stdout).toMatch(/高企：符合 \d+，待定 \d+，不符合 \d+；近门槛 \d+/);
    expect(stdout).toContain('差一点的企业');
    expect(stdout).toContain(`报告：${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('南通星海电子科技有限公司');
    // no partial file is left beside the report
    expect(readdirSync(join(out, '..'))).toEqual(['report.html']);
  });

  it('--json prints exactly one document in the screening shape, every enterprise in it', async () => {
    const { code, out, err } = await runCommand(command(), [SAMPLE, '--json', '--as-of', '2026-06-30']);
    expect(code).toBe(0);
    const doc = ScreeningJson.parse(JSON.parse(out));
    expect(doc.asOf).toBe('2026-06-30');
    expect(doc.enterprises).toHaveLength(12);
    expect(doc.programmes.map((p) => p.id)).toEqual(['kechuang-project-2023', 'hnte', 'tech-sme']);
    expect(doc.programmes[1]!.conditions.find((c) => c.id === 'hnte-1-registered-one-year')!.citations[0]!.quote).toContain('注册成立一年以上');
    expect(err).toContain('已筛查');
  });

  it('--csv exports one line per enterprise, for Excel: BOM, CRLF, and no cell read as a formula', async () => {
    const file = join(dir(), 'list.csv');
    writeFileSync(file, '企业名称,职工总数,科技人员数\n=HYPERLINK("http://x"),120,15\n"乙,公司",很多,3\n');
    const { code, out } = await runCommand(command(), [file, '--csv']);
    expect(code).toBe(0);
    expect(out.startsWith('\ufeff行号,企业名称,状态,科创项目结论')).toBe(true);
    const lines = out.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2,"'=HYPERLINK\(""http:\/\/x""\)",已判断,/);
    expect(lines[2]).toMatch(/^3,"乙,公司",问题行,.*职工总数：“很多”不是数量/);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-12)).toBe('-12');
  });

  it('draws a progress bar on standard error when a person is watching', async () => {
    const { code, err } = await runCommand(command(true), [SAMPLE, '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/\r筛查 \[█+\] 100%  12 行/);
  });

  it('refuses bad input with a one-line reason (the dispatcher exits 2 on a UsageError), writing nothing', async () => {
    const where = dir();
    const empty = join(where, 'empty.csv');
    writeFileSync(empty, '');
    const cases: [string[], RegExp][] = [
      [[], /give a \.csv or \.xlsx file/],
      [['nope.csv'], /nope\.csv: cannot read .*ENOENT/],
      [[SAMPLE, '--json', '--csv'], /choose one/],
      [[SAMPLE, '--as-of', '2026-13-01'], /--as-of/],
      [[SAMPLE, SAMPLE], /one file at a time/],
      [[empty, '--out', join(where, 'report.html')], /没有数据/],
      [[SAMPLE, '--out', join(where, 'no-such-folder', 'report.html')], /cannot write .*no-such-folder.*ENOENT/],
    ];
    for (const [argv, reason] of cases) {
      const error = await runCommand(command(), argv).then(() => null, (e: Error) => e);
      expect(error, argv.join(' ')).toBeInstanceOf(UsageError);
      expect(error!.message, argv.join(' ')).toMatch(reason);
      expect(error!.message).not.toContain('\n');
    }
    expect(readdirSync(where)).toEqual(['empty.csv']);
  });
});
