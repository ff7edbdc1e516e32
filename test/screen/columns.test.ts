import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOG } from '../../rules/facts/catalog.js';
import { FACT_KEYS } from '../../rules/facts/schema.js';
import { ALIASES, type FactColumn, planColumns, readHeader } from '../../screen/columns/header.js';
import { readerFor } from '../../screen/columns/values.js';
import type { Cell } from '../../screen/input/sheet.js';

const factOf = (header: string) => {
  const r = readHeader(header);
  return 'reason' in r ? r.reason : `${r.key}${r.year ? `.${r.year}` : ''}${r.moneyScale !== 1 ? ` ×${r.moneyScale}` : ''}`;
};

function column(path: string, moneyScale = 1): FactColumn {
  const [key, year] = path.split('.') as [keyof typeof FACT_CATALOG, string | undefined];
  return { index: 0, header: path, path: path as FactColumn['path'], key, year: year ?? null, moneyScale };
}

const read = (path: string, cell: Cell, moneyScale = 1) => readerFor(column(path, moneyScale))(cell);

describe('header aliases', () => {
  it('recognise every fact by its key and its catalog label', () => {
    for (const key of FACT_KEYS) {
      expect(ALIASES.get(key.toLowerCase()), key).toBe(key);
      const r = readHeader(key.endsWith('ByYear') ? `2024年${FACT_CATALOG[key].label}` : FACT_CATALOG[key].label);
      expect('key' in r && r.key, key).toBe(key);
    }
  });

  it('read the names staff spreadsheets use, in Chinese and English', () => {
    expect(factOf('企业名称')).toBe('name');
    expect(factOf('公司名称')).toBe('name');
    expect(factOf('Company Name')).toBe('name');
    expect(factOf('注册时间')).toBe('registrationDate');
    expect(factOf('成立日期')).toBe('registrationDate');
    expect(factOf('员工人数')).toBe('employees');
    expect(factOf('职工总数（人）')).toBe('employees');
    expect(factOf('科技人员数')).toBe('scienceStaff');
    expect(factOf('是否居民企业')).toBe('residentEnterprise');
    expect(factOf('居民企业（是/否）')).toBe('residentEnterprise');
    expect(factOf('Ⅰ类知识产权数')).toBe('ipClassI');
    expect(factOf('I类知识产权')).toBe('ipClassI');
    expect(factOf('ＩＩ类知识产权（项）')).toBe('ipClassII');
    expect(factOf('高新技术产品收入占比(%)')).toBe('highTechIncomeShare');
  });

  it('read the year of a per-year figure wherever it is written, and the unit of an amount', () => {
    expect(factOf('2024年销售收入')).toBe('salesRevenueByYear.2024');
    expect(factOf('销售收入(2024)')).toBe('salesRevenueByYear.2024');
    expect(factOf('销售收入（2024年，万元）')).toBe('salesRevenueByYear.2024');
    expect(factOf('2024年度营业收入（万元）')).toBe('salesRevenueByYear.2024');
    expect(factOf('salesRevenueByYear.2024')).toBe('salesRevenueByYear.2024');
    expect(factOf('2023年研发费用(元)')).toBe('rdExpenseByYear.2023 ×0.0001');
    expect(factOf('2025年末净资产（亿元）')).toBe('netAssetsByYear.2025 ×10000');
    expect(factOf('资产总额/元')).toBe('totalAssets ×0.0001');
  });

  it('leave a column they cannot place unread, and say why', () => {
    expect(factOf('销售收入')).toMatch(/缺少年份/);
    expect(factOf('联系电话')).toMatch(/不是模板中的列名/);
    expect(factOf('发明专利数')).toMatch(/不是模板中的列名/);
  });

  it('plan a header row: columns, ignored ones, and two columns for one fact refused', () => {
    const plan = planColumns({ number: 3, cells: ['企业名称', null, '联系人', '2025年职工总数', '2024年销售收入（元）'] });
    expect(plan.headerRow).toBe(3);
    expect(plan.columns.map((c) => [c.index, c.path, c.moneyScale])).toEqual([[0, 'name', 1], [3, 'employees', 1], [4, 'salesRevenueByYear.2024', 0.0001]]);
    expect(plan.ignored).toEqual([{ header: '联系人', reason: expect.stringMatching(/不是模板中的列名/) }]);
    expect(plan.notes[0]).toMatch(/2025年职工总数.*年份不参与判断/);
    expect(() => planColumns({ number: 1, cells: ['职工总数', '员工人数'] })).toThrow(/都对应 employees/);
  });
});

describe('screen/TEMPLATE.md', () => {
  const rows = readFileSync('screen/TEMPLATE.md', 'utf8').split('\n').flatMap((line) => {
    const m = /^\| ([^|]+) \| `(\w+)` \| [^|]+ \|([^|]*)\|$/u.exec(line);
    return m ? [{ header: m[1]!.trim(), key: m[2]!, aliases: m[3]!.split('；').map((a) => a.trim()).filter(Boolean) }] : [];
  });

  it('lists every fact once', () => {
    expect(rows.map((r) => r.key).sort()).toEqual([...FACT_KEYS].sort());
  });

  it('names columns the screening reads as it says', () => {
    for (const { header, key, aliases } of rows) {
      for (const name of [header, ...aliases]) {
        const written = key.endsWith('ByYear') && !/20\d\d/u.test(name) ? `2025年${name}` : name;
        const r = readHeader(written);
        expect('key' in r && r.key, `${written} → ${key}`).toBe(key);
      }
    }
  });
});

describe('cell values', () => {
  it('leave an empty cell, or one that says so, unknown — never 0 or 否', () => {
    for (const cell of [null, '', '  ', '-', '—', '/', 'N/A', '未知', '不详', '不清楚']) {
      expect(read('employees', cell), String(cell)).toEqual({ kind: 'unknown' });
      expect(read('residentEnterprise', cell), String(cell)).toEqual({ kind: 'unknown' });
    }
  });

  it('read yes and no as people write them', () => {
    for (const yes of ['是', '有', '√', '1', 'Y', 'yes', true]) expect(read('residentEnterprise', yes)).toEqual({ kind: 'value', value: true });
    for (const no of ['否', '无', '没有', '×', '0', 'N', false]) expect(read('majorIncidentLastYear', no)).toEqual({ kind: 'value', value: false });
    expect(read('residentEnterprise', '可能')).toEqual({ kind: 'problem', problem: expect.stringMatching(/“可能”不是是\/否/) });
  });

  it('read money in the column’s unit, or in the unit the cell names', () => {
    expect(read('totalAssets', '300')).toEqual({ kind: 'value', value: 300 });
    expect(read('totalAssets', '300万')).toEqual({ kind: 'value', value: 300 });
    expect(read('totalAssets', '1.2亿')).toEqual({ kind: 'value', value: 12000 });
    expect(read('totalAssets', '1,234.5')).toEqual({ kind: 'value', value: 1234.5 });
    expect(read('totalAssets', '￥3,000万元')).toEqual({ kind: 'value', value: 3000 });
    expect(read('totalAssets', 4500)).toEqual({ kind: 'value', value: 4500 });
    expect(read('totalAssets', '1234567', 0.0001)).toEqual({ kind: 'value', value: 123.4567 });
    expect(read('totalAssets', '300万', 0.0001)).toEqual({ kind: 'value', value: 300 });
    expect(read('netAssetsByYear.2024', '(120)')).toEqual({ kind: 'value', value: -120 });
    expect(read('rdExpenseByYear.2024', '无')).toEqual({ kind: 'value', value: 0 });
    expect(read('totalAssets', '很多')).toEqual({ kind: 'problem', problem: expect.stringMatching(/不是金额/) });
  });

  it('read percentages, and ask rather than guess when a fraction might be meant', () => {
    expect(read('highTechIncomeShare', '12%')).toEqual({ kind: 'value', value: 12 });
    expect(read('highTechIncomeShare', '12')).toEqual({ kind: 'value', value: 12 });
    expect(read('highTechIncomeShare', '百分之六十')).toEqual({ kind: 'value', value: 60 });
    expect(read('highTechIncomeShare', '0.5%')).toEqual({ kind: 'value', value: 0.5 });
    expect(read('highTechIncomeShare', '0.85')).toEqual({ kind: 'problem', problem: expect.stringMatching(/含义不明：请写成 85% 或 0\.85%/) });
  });

  it('read dates in ordinary forms and as Excel stores them', () => {
    for (const cell of ['2019-06-01', '2019/6/1', '2019.6.1', '2019年6月1日', '20190601', '43617', 43617, new Date(Date.UTC(2019, 5, 1))]) {
      expect(read('registrationDate', cell), String(cell)).toEqual({ kind: 'value', value: '2019-06-01' });
    }
    expect(read('registrationDate', '2019年6月')).toEqual({ kind: 'problem', problem: expect.stringMatching(/需要完整日期/) });
    expect(read('registrationDate', '2023-02-30')).toEqual({ kind: 'problem', problem: expect.stringMatching(/不是日期/) });
  });

  it('read choices by label, value, letter or distinctive part', () => {
    expect(read('region', '海门')).toEqual({ kind: 'value', value: '海门区' });
    expect(read('industryType', '制造业')).toEqual({ kind: 'value', value: 'manufacturing' });
    expect(read('techAdvancement', 'B')).toEqual({ kind: 'value', value: 'B' });
    expect(read('techAdvancement', '较高')).toEqual({ kind: 'value', value: 'B' });
    expect(read('highTechField', '无')).toEqual({ kind: 'value', value: 'none' });
    expect(read('region', '南京')).toEqual({ kind: 'problem', problem: expect.stringMatching(/不是可选项之一/) });
  });

  it('read counts with their unit word', () => {
    expect(read('employees', '120人')).toEqual({ kind: 'value', value: 120 });
    expect(read('ipClassI', '无')).toEqual({ kind: 'value', value: 0 });
    expect(read('employees', '一百多')).toEqual({ kind: 'problem', problem: expect.stringMatching(/不是数量/) });
  });
});
