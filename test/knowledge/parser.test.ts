import { describe, expect, it } from 'vitest';
import { loadSources } from '../../knowledge/catalog.js';
import type { Clause } from '../../knowledge/clause.js';
import { parseDocument } from '../../knowledge/parse/parser.js';

const parsed = new Map(loadSources().map((s) => [s.meta.id, parseDocument(s)]));
const clausesOf = (doc: string): Clause[] => parsed.get(doc)!;
const byPath = (doc: string, path: string): Clause => {
  const c = clausesOf(doc).find((x) => x.path === path);
  if (!c) throw new Error(`${doc}: no clause at “${path}”`);
  return c;
};
const containing = (doc: string, text: string): Clause[] => clausesOf(doc).filter((c) => c.text.includes(text));
const kinds = (doc: string) => {
  const out: Record<string, number> = {};
  for (const c of clausesOf(doc)) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
};

describe('every document', () => {
  it('parses every catalog document into clauses with unique ids, non-empty text and resolvable parents', () => {
    expect(parsed.size).toBe(12);
    for (const [doc, clauses] of parsed) {
      const ids = new Set(clauses.map((c) => c.id));
      expect(ids.size, doc).toBe(clauses.length);
      for (const c of clauses) {
        expect(c.text.trim(), `${c.id} has text`).not.toBe('');
        expect(c.id.startsWith(`${doc}#`)).toBe(true);
        if (c.parentId) expect(ids.has(c.parentId), `${c.id} parent`).toBe(true);
      }
    }
  });

  it('removes stray web marks and nothing else', () => {
    for (const clauses of parsed.values()) {
      for (const c of clauses) {
        expect(c.text).not.toMatch(/\[bookmark:|\*\*/);
      }
    }
    expect(byPath('tongzhou-2023-20', '附件1 › 第1段').text.startsWith('2022年1月1日以来从市外招引注册在南通')).toBe(true);
    expect(containing('qidong-2023-10', '1. 加强组织领导。实行政府科技创新双月例会制度')).toHaveLength(1);
  });

  it('ids are stable: the same text parses to the same ids', () => {
    for (const s of loadSources()) expect(parseDocument(s).map((c) => c.id)).toEqual(clausesOf(s.meta.id).map((c) => c.id));
  });
});

describe('通政办发〔2023〕20号 (通州区, with the 科创项目 standard)', () => {
  it('has the expected structure', () => {
    expect(clausesOf('tongzhou-2023-20')).toHaveLength(123);
    expect(kinds('tongzhou-2023-20')).toMatchObject({ attachment: 3, group: 2, table: 2, row: 56 });
  });

  it('附件1: the base paragraph, conditions 1–8, 其他说明 1–3 and 解释说明 1–5', () => {
    const c7 = byPath('tongzhou-2023-20', '附件1 › 第7条');
    expect(c7.text).toBe('7. 项目落地后获得社会资本投资500万元以上或投后估值超过5000万元（投资主体中属地国有资本占比不超过10%）；');
    expect(c7.id).toBe('tongzhou-2023-20#att1.i7');
    expect(c7.part).toBe('附件1');
    for (let i = 1; i <= 8; i++) expect(byPath('tongzhou-2023-20', `附件1 › 第${i}条`).text.startsWith(`${i}. `)).toBe(true);
    for (let i = 1; i <= 3; i++) byPath('tongzhou-2023-20', `附件1 › 其他说明 › 第${i}条`);
    for (let i = 1; i <= 5; i++) byPath('tongzhou-2023-20', `附件1 › 解释说明 › 第${i}条`);
    expect(byPath('tongzhou-2023-20', '附件1 › 解释说明 › 第2条').text).toContain('连续2个月缴纳社保的研发人员不少于3人');
    expect(byPath('tongzhou-2023-20', '附件1').text).toBe('2023年南通市科创项目认定标准');
  });

  it('附件2: one clause per unit row, with the header as context', () => {
    const rows = clausesOf('tongzhou-2023-20').filter((c) => c.kind === 'row' && c.path.startsWith('附件2'));
    expect(rows).toHaveLength(16);
    const gaoxin = rows.find((r) => r.text.includes('南通高新区'))!;
    expect(gaoxin.text).toBe('1\t南通高新区\t80\t5');
    expect(gaoxin.context).toContain('招引目标任务数');
    expect(rows.at(-1)!.text).toBe('合  计\t180\t20');
  });

  it('附件3: 40 activity rows, wrapped cells re-joined, quarter groups and organisers kept', () => {
    const rows = clausesOf('tongzhou-2023-20').filter((c) => c.kind === 'row' && c.path.startsWith('附件3'));
    expect(rows).toHaveLength(40);
    const shenyang = rows.find((r) => r.text.includes('沈阳'))!;
    expect(shenyang.text).toContain('“十链百校千企”招才引智系列活动\n（沈阳站）');
    expect(shenyang.context).toContain('一季度');
    expect(shenyang.departments).toContain('区委组织部');
    expect(rows.find((r) => r.text.startsWith('5\t'))!.departments).toContain('二甲镇人民政府');
    expect(rows.find((r) => r.text.startsWith('33\t'))!.context).toContain('四季度');
  });
});

describe('通政办发〔2024〕37号 (南通市 特色园区)', () => {
  it('has the expected structure', () => {
    expect(clausesOf('nantong-2024-37')).toHaveLength(79);
    expect(kinds('nantong-2024-37')).toMatchObject({ table: 2, row: 45 });
  });

  it('空间布局: one row per park, the 板块 of merged cells carried as context', () => {
    const rows = clausesOf('nantong-2024-37').filter((c) => c.kind === 'row' && c.path.startsWith('二、空间布局'));
    expect(rows).toHaveLength(20);
    const haianHigh = rows.find((r) => r.text.startsWith('海安高新区'))!;
    expect(haianHigh.text).toBe('海安高新区：新型储能、新材料（铝镁合金、磁性材料）');
    expect(haianHigh.context).toContain('海安市');
    expect(haianHigh.path).toBe('二、空间布局 › 科技创新型特色园区空间布局 › 第2行（海安高新区）');
  });

  it('任务分解表: rows with 牵头部门 and 责任单位, merged task cells inherited, stray cells dropped', () => {
    const rows = clausesOf('nantong-2024-37').filter((c) => c.kind === 'row' && c.path.startsWith('附件'));
    expect(rows).toHaveLength(25);
    const talent = rows.find((r) => r.text.startsWith('支持园区与南通大学'))!;
    expect(talent.departments).toEqual(['市教育局', '南通大学', '各县(市', '区)人民政府', '市各直属园区管委会']);
    expect(talent.context).toContain('7. 构建人才支撑体系');
    const customs = rows.find((r) => r.text.includes('南通海关'))!;
    expect(customs.text.endsWith('南通海关\t2027年12月')).toBe(true);
  });

  it('re-joins paragraphs broken across page breaks', () => {
    const body = (text: string) => containing('nantong-2024-37', text).filter((c) => c.kind !== 'row');
    expect(body('对符合条件的科研机构进口科学研究')).toHaveLength(1);
    expect(body('核心配套企业的辐射带动作用')).toHaveLength(1);
    expect(containing('nantong-2024-37', '在相关政策支持方面予以倾斜')).toHaveLength(1);
  });
});

describe('启政办发〔2023〕10号 (启东市)', () => {
  it('has the expected structure and 责任单位 on the tasks', () => {
    expect(clausesOf('qidong-2023-10')).toHaveLength(59);
    const item1 = byPath('qidong-2023-10', '三、重点任务 › （一）强化企业主体地位 › 第1条');
    expect(item1.text).toContain('确保每年招引科创项目不少于 100 个');
    expect(item1.departments).toEqual(['市科技局', '各区镇']);
  });

  it('re-joins page breaks, including one inside a 责任单位 list', () => {
    expect(containing('qidong-2023-10', '关键核心技术实现突破，到2025年')).toHaveLength(1);
    expect(containing('qidong-2023-10', '“产业结构优、科技含量高')).toHaveLength(1);
    const i19 = containing('qidong-2023-10', '19. 推动民生科技事业发展')[0]!;
    expect(i19.departments).toContain('住房城乡建设局');
  });

  it('keeps a heading line and its following paragraph apart', () => {
    expect(byPath('qidong-2023-10', '三、重点任务 › （一）强化企业主体地位').text).toBe('（一）强化企业主体地位，壮大科创企业群体');
  });
});

describe('海门区 高企培育三年行动方案', () => {
  it('has the expected structure', () => {
    expect(clausesOf('haimen-2022-gaoqi')).toHaveLength(73);
  });

  it('附件1 任务分解表: 8 rows with their 责任单位', () => {
    const rows = clausesOf('haimen-2022-gaoqi').filter((c) => c.kind === 'row' && c.path.startsWith('附件1'));
    expect(rows).toHaveLength(8);
    expect(rows[3]!.text).toContain('全区拥有知识产权的泛科技型企业达到800家');
    expect(rows[3]!.departments).toEqual(['区市场监管局', '区科技局', '各区镇']);
  });

  it('附件2: leader lines one each, and the 职责分工 table', () => {
    expect(containing('haimen-2022-gaoqi', '组  长：宋  涯')[0]!.text).toBe('组  长：宋  涯  区委常委、区政府副区长、区项目办主任、区科创办主任');
    const duties = clausesOf('haimen-2022-gaoqi').filter((c) => c.kind === 'row' && c.path.includes('职责分工'));
    expect(duties).toHaveLength(9);
    const tax = duties.find((d) => d.text.startsWith('区税务局'))!;
    expect(tax.text).toContain('指导企业按要求设立研发辅助账');
    expect(tax.departments).toEqual(['区税务局']);
  });

  it('re-joins the attachment list broken by a page', () => {
    expect(containing('haimen-2022-gaoqi', '重点任务分解表（2022-2024年）').some((c) => c.text.startsWith('附件：'))).toBe(true);
  });
});

describe('市科技局 report', () => {
  it('sections by its titles, paragraphs re-joined', () => {
    expect(clausesOf('nantong-kejiju-report')).toHaveLength(50);
    expect(containing('nantong-kejiju-report', '全市高企达到2370家；培育科技型企业341家')).toHaveLength(1);
    expect(containing('nantong-kejiju-report', '对认定类项目资金兑现“免申即享”')).toHaveLength(1);
    expect(containing('nantong-kejiju-report', '免申兑现45万元奖励')[0]!.path).toBe('营造一流生态 › 第4段');
  });
});

describe('reference texts', () => {
  it('高企认定管理办法: chapters, 23 articles, 第十一条 (一)–(八) and its revenue bands', () => {
    expect(kinds('hnte-measures-2016-32').article).toBe(23);
    expect(byPath('hnte-measures-2016-32', '第三章认定条件与程序 › 第十一条 › （一）企业申请认定时须注册成立…').text).toBe('（一）企业申请认定时须注册成立一年以上；');
    expect(containing('hnte-measures-2016-32', '最近一年销售收入小于5,000万元（含）的企业，比例不低于5%')).toHaveLength(1);
    const abroad = containing('hnte-measures-2016-32', '其中，企业在中国境内发生的研究开发费用总额')[0]!;
    expect(abroad.path).toBe('第三章认定条件与程序 › 第十一条 › （五）企业近三个会计年度 › 第1段');
  });

  it('工作指引: score tables as rows, growth formula kept, rejected sources left out', () => {
    expect(containing('hnte-guidelines-2016-195', '综合得分达到70分以上(不含70分)为符合认定要求')).toHaveLength(1);
    expect(containing('hnte-guidelines-2016-195', '增长率\t≥35%')).toHaveLength(1);
    expect(containing('hnte-guidelines-2016-195', 'book118')).toHaveLength(0);
    expect(containing('hnte-guidelines-2016-195', 'Provenance')).toHaveLength(0);
  });

  it('a markdown pipe row is quoted as its line is written, its cells kept apart for the records', () => {
    const row = clausesOf('hnte-guidelines-2016-195').find((c) => c.kind === 'row' && c.text === '知识产权\t≤30')!;
    expect(row.fullText).toBe('知识产权 | ≤30 |');
    expect(row.table?.cells).toEqual(['知识产权', '≤30']);
  });

  it('科小评价办法: 第六条 (一)–(五), scoring bands and the direct routes', () => {
    expect(containing('tech-sme-2017-115', '(二)职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元。')).toHaveLength(1);
    expect(containing('tech-sme-2017-115', 'A. 6%(含)以上(50分)')).toHaveLength(1);
    expect(containing('tech-sme-2017-115', '(1)企業擁有有效期內高新技術企業資格證書;')).toHaveLength(1);
  });

  it('a note on which texts are not at hand is provenance, not a clause, even where it quotes a title', () => {
    expect(containing('tech-sme-2017-115', '科技型中小企业评价服务工作指引')).toHaveLength(0);
    expect(clausesOf('tech-sme-2017-115').filter((c) => /at hand|Later versions/i.test(c.text))).toHaveLength(0);
    const note = { ...loadSources().find((s) => s.meta.id === 'tech-sme-2017-115')!, text: '## 第一节\n第一条 本办法所称企业。\nNo text of the 2019 revision of this 办法 is at hand; see 《某某某某评价服务工作指引》（国科火字〔2022〕67号）及其附件。\n' };
    expect(parseDocument(note).map((c) => c.text)).toEqual(['第一节', '第一条 本办法所称企业。']);
  });

  it('高新技术领域: 8 fields, 52 second-level and 254 third-level headings', () => {
    const items = clausesOf('high-tech-fields-2016').filter((c) => c.kind === 'item');
    expect(kinds('high-tech-fields-2016').heading).toBe(8);
    expect(items.filter((c) => /^\d{3} /.test(c.text))).toHaveLength(52);
    expect(items.filter((c) => /^\d{5} /.test(c.text))).toHaveLength(254);
  });

  it('one file, two documents: 企业所得税法 and 实施条例', () => {
    expect(containing('cit-law-2018', '国家需要重点扶持的高新技术企业，减按15％的税率征收企业所得税。')).toHaveLength(1);
    expect(containing('cit-law-2018', '第九十五条')).toHaveLength(0);
    expect(containing('cit-regulation-2019', '第九十五条')).toHaveLength(1);
  });
});
