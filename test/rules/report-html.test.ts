import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluateCommand } from '../../cli/evaluate.js';
import { UsageError } from '../../cli/io.js';
import { evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts/schema.js';
import { escapeHtml, renderHtmlReport } from '../../rules/present/report-html.js';
import { toJson } from '../../rules/present/to-json.js';
import { runCommand } from '../helpers/command.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const evaluateCommand = createEvaluateCommand({ resolver: () => knowledge.resolve, today: () => '2026-12-03' });
const SAMPLE = JSON.parse(readFileSync('docs/samples/haimen-manufacturer.json', 'utf8')) as Record<string, unknown>;
const HOSTILE = { ...SAMPLE, name: '<script>alert(1)</script>"\'&<img src=x onerror=alert(2)>', mainBusiness: '</td></tr></table><a href="http://evil.example">x</a>' };

describe('the report to keep', () => {
  it('tongce evaluate --html prints the same content as the evaluation: facts, outcomes, reasons, gaps, every citation in full', async () => {
    const { code, out } = await runCommand(evaluateCommand, ['-', '--html', '--as-of', '2026-11-22'], JSON.stringify(SAMPLE));
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    const json = toJson(evaluate(SAMPLE as Facts, '2026-11-22'), knowledge.resolve);
    expect(out).toContain('评估日：2026-11-22');
    expect(out).toContain('报告生成日：2026-12-03');
    for (const p of json.programmes) {
      expect(out).toContain(escapeHtml(p.title));
      for (const c of p.conditions) {
        expect(out).toContain(escapeHtml(c.detail));
        if (c.gap) expect(out).toContain(escapeHtml(c.gap));
        for (const cite of c.citations) expect(out).toContain(escapeHtml(cite.quote));
      }
      for (const n of p.notes) expect(out).toContain(escapeHtml(n));
    }
    for (const b of json.benefits) expect(out).toContain(escapeHtml(b.reason));
    for (const park of json.parks) expect(out).toContain(escapeHtml(park.park));
    for (const s of json.roadmap) for (const a of s.actions) expect(out).toContain(escapeHtml(a));
    // the facts as used, in the catalog's words, with their units
    expect(out).toContain('<th>2025年研究开发费用</th><td>400 万元</td>');
    expect(out).toContain('<th>职工总数</th><td>300 人</td>');
    // the edition of each text
    expect(out).toContain('2023年版');
    expect(out).toMatch(/所依据文本的版本/);
  });

  it('escapes everything: what the user typed never becomes markup, and nothing is fetched from outside', () => {
    const html = renderHtmlReport({ evaluation: toJson(evaluate(HOSTILE as Facts, '2026-11-22'), knowledge.resolve), facts: HOSTILE, generatedOn: '2026-11-22' });
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;&#60;img src=x onerror=alert(2)&#62;');
    expect(html).not.toMatch(/<script|<img|<a href="http|<link|<iframe|@import|url\(/iu);
    // the only links are to the report's own references and sections
    for (const [, href] of html.matchAll(/href="([^"]*)"/gu)) expect(href).toMatch(/^#(ref|p)-/u);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<h1>&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('reads what newer evaluations add, when present: warnings, a measure’s period and expiry, the experts’ part and the estimate', () => {
    const json = toJson(evaluate(SAMPLE as Facts, '2026-11-22'), knowledge.resolve);
    const [first, ...others] = json.benefits;
    const tsme = json.programmes.find((p) => p.id === 'tech-sme')!;
    const newer = {
      ...json,
      warnings: [{ fact: 'x', value: 0.08, suggested: 8, message: '<b>研发占比</b> 0.08 像是小数' }],
      benefits: [{ ...first!, period: '2022–2024', expired: true }, ...others.map((b) => ({ ...b, period: null, expired: false }))],
      programmes: json.programmes.map((p) => (p === tsme ? { ...p, expertDecides: [{ id: 'm', label: '研究开发组织管理水平', min: 0, max: 20, maxPoints: 20 }], assessment: { estimate: 'uncertain' as const, basis: '取决于专家打分' } } : p)),
    };
    const html = renderHtmlReport({ evaluation: newer, facts: SAMPLE, generatedOn: '2026-11-22' });
    expect(html).toContain('<b>请核对</b>&#60;b&#62;研发占比&#60;/b&#62; 0.08 像是小数');
    expect(html).toContain('<td>已到期（2022–2024）</td>');
    expect(html).toContain('研究开发组织管理水平（0–20 分）');
    expect(html).toContain('难以判断：取决于专家打分（估算，不是认定结论）');
  });

  it('--html goes alone: not with --json or --jsonl', async () => {
    await expect(runCommand(evaluateCommand, ['-', '--html', '--json'], JSON.stringify(SAMPLE))).rejects.toThrow(UsageError);
    await expect(runCommand(evaluateCommand, ['--html', '--jsonl'], JSON.stringify(SAMPLE))).rejects.toThrow(/--html/);
  });
});
