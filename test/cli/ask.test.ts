import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Citation } from '../../knowledge/citation.js';
import { runCli } from '../helpers/cli.js';

const AskJson = z.object({ query: z.string(), covered: z.boolean(), answer: z.string(), citations: z.array(Citation) });

describe('tongce ask', () => {
  it('--json prints exactly one document in the contract shape', async () => {
    const { code, out } = await runCli(['ask', '--json', '--k', '2', '高企科技人员占比要求']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = AskJson.parse(JSON.parse(out));
    expect(doc.covered).toBe(true);
    expect(doc.citations).toHaveLength(2);
    expect(JSON.parse(out).source).toBe('extractive');
  });

  it('prints a readable answer that names the document, 文号 and path', async () => {
    const { code, out } = await runCli(['ask', '附件1第7条']);
    expect(code).toBe(0);
    expect(out).toContain('通政办发〔2023〕20号');
    expect(out).toContain('附件1 › 第7条');
    expect(out).toContain('社会资本投资500万元以上');
  });

  it('--jsonl answers line by line, in order, reporting bad lines without stopping', async () => {
    const stdin = ['"海安开发区主攻方向"', '{"q":"科小多少分合格"}', 'not json', '{"x":1}', '', '"附件1第3条"'].join('\n');
    const { code, out } = await runCli(['ask', '--jsonl'], stdin);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(AskJson.parse(lines[0]).citations[0]!.quote).toContain('海安开发区');
    expect(AskJson.parse(lines[1]).covered).toBe(true);
    expect(lines[2]).toEqual({ error: 'invalid JSON', line: 3 });
    expect(lines[3]).toMatchObject({ line: 4 });
    expect(AskJson.parse(lines[4]).citations[0]!.path).toBe('附件1 › 第3条');
  });

  it('exits 2 with a one-line reason on bad input', async () => {
    for (const argv of [['ask'], ['ask', '--k', '0', 'x'], ['ask', '--k', 'abc', 'x'], ['ask', '--nope', 'x'], ['frobnicate']]) {
      const { code, err } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err.trim().split('\n')[0]).toMatch(/^tongce/);
    }
  });

  it('the built bin runs from a fresh data directory and builds the index on first use', () => {
    if (!existsSync('dist/cli/main.js')) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'ignore' });
    const dataDir = mkdtempSync(join(tmpdir(), 'tongce-bin-'));
    const r = spawnSync(process.execPath, ['bin/tongce.js', 'ask', '--json', '科小评价多少分合格'], {
      env: { ...process.env, TONGCE_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(AskJson.parse(JSON.parse(r.stdout)).covered).toBe(true);
    const index = spawnSync(process.execPath, ['bin/tongce.js', 'index'], { env: { ...process.env, TONGCE_DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(index.status).toBe(0);
    expect(index.stdout).toMatch(/12 份文件，\d+ 条条款/);
  });
});
