import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../knowledge/index.js';
import { DepartmentDirectory } from '../../knowledge/triage/directory.js';
import { containsVerbatim } from '../../knowledge/text/normalize.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const directory = DepartmentDirectory.of(knowledge.store);

describe('department directory', () => {
  it('keeps each jurisdiction’s offices apart: 启东’s 市科技局 is not 南通’s', () => {
    const qidong = directory.find('市科技局', '启东市')!;
    const nantong = directory.find('市科技局', '南通市')!;
    expect(qidong).toBeDefined();
    expect(nantong).toBeDefined();
    expect(qidong).not.toBe(nantong);
    expect(qidong.responsibilities.every((r) => r.clause.docId === 'qidong-2023-10')).toBe(true);
    expect(nantong.responsibilities.every((r) => r.clause.docId === 'nantong-2024-37')).toBe(true);
    expect(directory.find('区税务局', '海门区')!.responsibilities.every((r) => r.clause.docId === 'haimen-2022-gaoqi')).toBe(true);
    expect(directory.find('区税务局', '通州区')).toBeUndefined();
  });

  it('merges the writings of one office and names it as its documents mostly do', () => {
    const scjg = directory.find('区市监局', '海门区')!;
    expect(scjg).toBe(directory.find('区市场监管局', '海门区'));
    expect(scjg.name).toBe('区市场监督管理局');
    expect(scjg.writtenAs).toEqual(expect.arrayContaining(['区市场监督管理局', '区市场监管局', '区市监局']));
    expect(directory.find('发改委', '启东市')!.name).toBe('市发展改革委');
    // 市发展改革委、财政局、科技局: the 市 carries to 财政局
    expect(directory.find('市财政局', '启东市')).toBeDefined();
    expect(directory.find('区人才办', '通州区')).toBe(directory.find('区委组织部', '通州区'));
  });

  it('reads 海门’s 职责分工 table as each office’s own duties', () => {
    const tax = directory.find('区税务局', '海门区')!;
    const duty = tax.responsibilities.find((r) => r.role === 'duty')!;
    expect(duty.clause.path).toContain('职责分工');
    expect(tax.topics.join(' ')).toContain('研发辅助账');
    expect(directory.find('区应急管理局', '海门区')!.responsibilities.some((r) => r.role === 'duty')).toBe(true);
  });

  it('tells a 牵头部门 from a 责任单位 and a 主办单位 from a 承办单位', () => {
    const talent = directory.find('市委人才办', '南通市')!.responsibilities[0]!;
    expect(talent.role).toBe('lead');
    expect(directory.find('市人社局', '南通市')!.responsibilities[0]!.role).toBe('support');
    // 区委、区政府 主办 the 合肥 trip; the 承办 office is the one that does the work
    const hefei = directory.find('区科技局', '通州区')!.responsibilities.find((r) => r.clause.text.includes('合肥'))!;
    expect(hefei.role).not.toBe('support');
  });

  it('lists collective addressees as responsible but not routable', () => {
    const towns = directory.find('各区镇', '海门区')!;
    expect(towns.routable).toBe(false);
    expect(directory.find('各县（市、区）人民政府', '南通市')!.routable).toBe(false);
    expect(directory.find('区委', '通州区')!.routable).toBe(false);
  });

  it('links every responsibility to a stored clause that names the office', () => {
    for (const d of directory.departments) {
      for (const r of d.responsibilities) {
        expect(knowledge.store.clause(r.clause.id)).toBe(r.clause);
        const bare = r.written.replace(/^[市区县](?=.+(?:局|委|办|部|中心)$)/u, '');
        expect(containsVerbatim(r.clause.text, r.written) || containsVerbatim(r.clause.text, bare)).toBe(true);
      }
    }
  });

  it('is built the same way from the same sources', () => {
    const other = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-dir-')) });
    const shape = (dir: DepartmentDirectory) => dir.departments.map((d) => [d.jurisdiction, d.key, d.name, d.responsibilities.map((r) => `${r.clause.id}:${r.role}:${r.position}`)]);
    expect(shape(DepartmentDirectory.of(other.store))).toEqual(shape(directory));
    other.close();
  });
});
