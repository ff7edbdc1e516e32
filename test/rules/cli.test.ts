import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluateCommand } from '../../cli/evaluate.js';
import { EvaluationJson } from '../../rules/present/evaluation-json.js';
import { runCommand } from '../helpers/command.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const evaluateCommand = createEvaluateCommand({ resolver: () => knowledge.resolve, today: () => '2026-11-22' });
const dir = mkdtempSync(join(tmpdir(), 'tongce-evaluate-'));

/** The command in-process, reading relative paths from the test's own folder. */
const run = (argv: string[], stdin = '') => runCommand(evaluateCommand, argv, stdin, {}, dir);

const parentHnte = {
  region: '通州区', registrationDate: '2023-06-01', attractedFromOutside: true, operatingNormally: true,
  kechuangRecognizedBefore: false, industryType: 'manufacturing', highTechField: '新能源与节能', tangibleAssetsFromCash: 800,
  parentIsOutsideHnte: true,
};

describe('tongce evaluate', () => {
  it('--json prints exactly one JSON document in the contract shape', async () => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...parentHnte, asOf: '2026-11-22' }));
    const { code, out } = await run(['p.json', '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const result = EvaluationJson.parse(JSON.parse(out));
    expect(result.asOf).toBe('2026-11-22');
    expect(result.programmes.map((p) => p.id)).toEqual(['kechuang-project-2023', 'hnte', 'tech-sme']);
    const kechuang = result.programmes[0]!;
    expect(kechuang.outcome).toBe('eligible');
    expect(kechuang.missingFacts).toEqual([]);
    expect(kechuang.notes.join()).toContain('2023年版');
    const route = kechuang.conditions.find((c) => c.id === 'kc-route-1-hnte')!;
    expect(route.citations[0]).toMatchObject({ docId: 'tongzhou-2023-20', docNumber: '通政办发〔2023〕20号', partTitle: '2023年南通市科创项目认定标准' });
  });

  it('reads the profile from standard input with -, and --as-of overrides the profile’s date', async () => {
    const { out } = await run(['-', '--json', '--as-of', '2024-03-01'], JSON.stringify({ ...parentHnte, asOf: '2026-11-22' }));
    const result = JSON.parse(out) as { asOf: string; programmes: { id: string; conditions: { id: string; status: string; gap: string | null }[] }[] };
    expect(result.asOf).toBe('2024-03-01');
    const registered = result.programmes[1]!.conditions.find((c) => c.id === 'hnte-1-registered-one-year')!;
    expect(registered).toMatchObject({ status: 'unmet', gap: '注册满一年：2024-06-01 起' });
  });

  it('defaults the evaluation date to today', async () => {
    const { out } = await run(['-', '--json'], JSON.stringify(parentHnte));
    expect(JSON.parse(out).asOf).toBe('2026-11-22');
  });

  it('without --json writes a Chinese report with details, gaps and the cited clauses', async () => {
    const { code, out } = await run(['-'], JSON.stringify({ asOf: '2026-11-22', registrationDate: '2016-01-01', highTechField: '电子信息', ipCoreSupport: true, employees: 200, scienceStaff: 15, region: '海门区', mainBusiness: '锂电池储能系统' }));
    expect(code).toBe(0);
    expect(out).toContain('■ 高新技术企业认定：不符合');
    expect(out).toContain('科技人员占比 7.5%（15/200），要求不低于10%');
    expect(out).toContain('还差 5 名科技人员');
    expect(out).toContain('■ 方向相符的科技创新型特色园区');
    expect(out).toContain('《高新技术企业认定管理办法》（国科发火〔2016〕32号）');
    expect(out).toMatch(/\[\d+\] .*第十一条 › （四）/);
  });

  it('invalid facts are a usage error naming each bad key', async () => {
    await expect(run(['-', '--json'], JSON.stringify({ scienceStaff: -1, regoin: '通州区' }))).rejects.toThrow(
      /invalid facts: .*scienceStaff: 应为不小于0的整数 \/ expected a non-negative integer.*regoin: .*did you mean region/,
    );
  });

  it('bad input is a usage error: unreadable file, invalid JSON, bad --as-of, no profile', async () => {
    await expect(run(['missing.json'])).rejects.toThrow(/cannot read missing\.json: ENOENT/);
    await expect(run(['-'], '{nope')).rejects.toThrow(/not valid JSON/);
    await expect(run(['-', '--as-of', '2026-13-01'], '{}')).rejects.toThrow(/--as-of/);
    await expect(run([])).rejects.toThrow(/give a profile file/);
  });

  it('--jsonl evaluates one profile per line, in order, and a bad line yields an error line', async () => {
    const lines = [JSON.stringify(parentHnte), '{oops', JSON.stringify({ employees: 'many' }), '', JSON.stringify({ region: '启东市' })];
    const { code, out } = await run(['--jsonl', '--as-of', '2026-11-22'], lines.join('\n'));
    expect(code).toBe(0);
    const docs = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(4);
    expect(docs[0].programmes[0].outcome).toBe('eligible');
    expect(docs[1]).toEqual({ error: 'invalid JSON', line: 2 });
    expect(docs[2].line).toBe(3);
    expect(docs[2].error).toContain('employees');
    expect(docs[3].programmes.map((p: { outcome: string }) => p.outcome)).toEqual(['undetermined', 'undetermined', 'undetermined']);
    expect(docs[3].benefits.map((b: { id: string }) => b.id)).toContain('qidong-rd-post-subsidy');
  });
});
