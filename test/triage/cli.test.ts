import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError } from '../../cli/io.js';
import { triageCommand } from '../../cli/triage.js';
import { Citation } from '../../knowledge/citation.js';
import { runCommand } from '../helpers/command.js';

/** The `tongce triage --json` shape of contracts.md. */
const TriageJson = z.object({
  query: z.string(),
  departments: z.array(z.object({ name: z.string(), jurisdiction: z.string(), confidence: z.number().min(0).max(1), citations: z.array(Citation).min(1) })).max(3),
  handoff: z.boolean(),
});

describe('tongce triage', () => {
  it('--json prints exactly one document in the contract shape', async () => {
    const { code, out } = await runCommand(triageCommand, ['我们公司研发费用加计扣除怎么归集，要设辅助账吗', '--jurisdiction', '海门区', '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const doc = TriageJson.parse(JSON.parse(out));
    expect(doc.handoff).toBe(false);
    expect(doc.departments[0]).toMatchObject({ name: '区税务局', jurisdiction: '海门区' });
  });

  it('prints a readable answer: departments with confidence, quote, document, 文号 and path', async () => {
    const { code, out } = await runCommand(triageCommand, ['想了解江海英才计划怎么申报', '--jurisdiction', '启东']);
    expect(code).toBe(0);
    expect(out).toContain('1. 市人才办（启东市）');
    expect(out).toMatch(/置信度 0\.\d\d/);
    expect(out).toContain('启政办发〔2023〕10号');
    expect(out).toContain('第11条');
    expect(out).toContain('江海英才');
  });

  it('says a person will take a question the documents do not cover', async () => {
    const { code, out } = await runCommand(triageCommand, ['住房公积金提取需要什么材料']);
    expect(code).toBe(0);
    expect(out).toContain('转人工');
    expect(out).toContain('工作人员');
  });

  it('asks for the caller’s place when the route depends on it', async () => {
    const { out } = await runCommand(triageCommand, ['众创空间、孵化器的建设归谁管']);
    expect(out).toContain('要看您在哪个区/县');
    expect(out).toContain('--jurisdiction');
  });

  it('--jsonl routes line by line, in order, reporting bad lines without stopping', async () => {
    const stdin = [
      JSON.stringify('高企申报材料里的税务审核意见由谁出'),
      JSON.stringify({ q: '想了解江海英才计划怎么申报', jurisdiction: '启东市' }),
      '{not json',
      '',
      JSON.stringify({ question: '谁负责' }),
      JSON.stringify({ q: '谁负责', jurisdiction: '火星' }),
      JSON.stringify(42),
      JSON.stringify(''),
      JSON.stringify({ q: '特色园区的新增建设用地指标找哪个部门' }),
    ].join('\n');
    const { code, out } = await runCommand(triageCommand, ['--jsonl', '--jurisdiction', '海门区'], stdin);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    expect(TriageJson.parse(lines[0]).departments[0]!.name).toBe('区税务局');
    expect(TriageJson.parse(lines[1]).departments[0]).toMatchObject({ name: '市人才办', jurisdiction: '启东市' });
    expect(lines[2]).toEqual({ error: 'invalid JSON', line: 3 });
    expect(lines[3]).toMatchObject({ line: 5, error: expect.stringContaining('q') });
    expect(lines[4]).toMatchObject({ line: 6, error: expect.stringContaining('jurisdiction') });
    expect(lines[5]).toMatchObject({ line: 7, error: expect.stringContaining('question string') });
    expect(lines[6]).toMatchObject({ line: 8, error: 'empty question' });
    // a line without its own jurisdiction takes --jurisdiction
    expect(TriageJson.parse(lines[7]).departments[0]).toMatchObject({ name: '市自然资源和规划局', jurisdiction: '南通市' });
  });

  it.each([
    [[], /give a question/],
    [['   '], /give a question/],
    [['研发辅助账找谁', '--jurisdiction', '上海'], /--jurisdiction: must be one of/],
    [['--jsonl', '研发辅助账找谁'], /standard input/],
  ])('rejects bad input %j as a usage error', async (argv, message) => {
    await expect(runCommand(triageCommand, argv)).rejects.toThrow(UsageError);
    await expect(runCommand(triageCommand, argv)).rejects.toThrow(message);
  });

  it('rejects an unknown option the way the dispatcher reports as bad input', async () => {
    await expect(runCommand(triageCommand, ['研发辅助账找谁', '--jurisdction', '海门区'])).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_PARSE_ARGS/) });
  });
});
