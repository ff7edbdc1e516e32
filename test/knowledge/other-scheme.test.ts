import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../knowledge/index.js';
import { answerKindsOf } from '../../knowledge/search/answer-kind.js';
import { schemeOfConditions } from '../../knowledge/search/scheme-conditions.js';

// The round-7 review's leftovers (issue 15): a question about one scheme is not answered by what the texts say of
// another, nor by words that only sound like an answer. Each class is asked here in more than one wording.
const knowledge = openKnowledge({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-other-scheme-')) });
const covered = (q: string) => knowledge.retrieve(q, { k: 3 }).covered;

describe('the conditions of a scheme the texts only name', () => {
  it('are not found beside a word the scheme shares with others (计划) nor in 供需', () => {
    for (const q of ['江海英才计划申报条件是什么', '市江海英才计划的评选标准有哪些', '通州510英才计划申报条件是啥']) expect(covered(q), q).toBe(false);
  });

  it('are asked as 标准是多少人… and with a space before what follows, as owners type them', () => {
    for (const q of ['小型微利企业的标准是多少人以内', '小型微利企业的标准是啥 资产要多少']) expect(covered(q), q).toBe(false);
    expect(covered('科技型中小企业的标准是多少人以内')).toBe(true);
  });

  it('while the schemes whose conditions the texts state still answer', () => {
    for (const q of ['高企认定条件是什么', '科技型中小企业评价条件有哪些', '南通科创项目认定条件有哪些']) expect(covered(q), q).toBe(true);
  });
});

describe('the scheme whose conditions are asked, apart from the asker’s case', () => {
  it('begins after 能算 (拿到什么名次能算科创项目条件) and after a sentence ended by 吗 without a mark', () => {
    expect(schemeOfConditions('创业江苏大赛拿到什么名次能算科创项目条件')).toEqual(['科创项目']);
    expect(schemeOfConditions('兼职的人 能算进科小的职工总数吗 有什么条件')).not.toContain('兼职');
    for (const q of ['创业江苏大赛拿到什么名次能算科创项目条件', '兼职的人 能算进科小的职工总数吗 有什么条件']) expect(knowledge.retrieve(q, { k: 3 }).uncovered, q).not.toBe('figure');
  });
});

describe('words that only look like a figure or papers asked', () => {
  const kinds = (q: string) => answerKindsOf(q).map((k) => k.name);

  it('投了几家早期公司，… tells what was done; 认定了几家 and 有几家…，分别是 ask the count', () => {
    expect(kinds('我们是做创投的，投了几家早期科技公司，所得税上有没有抵扣的说法')).not.toContain('count of enterprises');
    for (const q of ['南通今年认定了几家高企？', '南通有几家省级高新区，分别是哪些', '海门培育了多少家瞪羚企业，名单在哪']) expect(kinds(q), q).toContain('count of enterprises');
    // which offices lead asks who, not a count of firms
    expect(kinds('特色园区 金融产品供给那项 牵头单位是哪几家')).not.toContain('count of enterprises');
  });

  it('a rate put forward to check (比例是不是百分之七十) is asked as a rate: "一定比例" does not answer it', () => {
    for (const q of ['创投企业抵扣应纳税所得额的比例是不是百分之六十', '创投企业能按投资额的百分之多少抵扣应纳税所得额']) {
      expect(kinds(q), q).toContain('rate');
      expect(covered(q), q).toBe(false);
    }
    expect(covered('研发费用加计扣除现在是按100%吗')).toBe(true);
  });

  it('…方向具体指哪些材料 asks what a sector covers, 要准备哪些材料 the papers', () => {
    expect(kinds('通州湾示范区先进材料方向具体指哪些材料')).not.toContain('papers');
    expect(covered('通州湾示范区先进材料方向具体指哪些材料')).toBe(true);
    for (const q of ['申报高企要准备哪些材料', '高企申报需要哪些材料']) expect(kinds(q), q).toContain('papers');
  });
});

describe('the procedure of a scheme', () => {
  it('is not answered by another scheme’s steps (高企’s 认定程序 for a 科创项目)', () => {
    for (const q of ['科创项目网上怎么申报', '南通科创项目认定线上如何申请', '特色园区怎么申报']) expect(covered(q), q).toBe(false);
  });

  it('while a scheme’s own steps answer it', () => {
    for (const q of ['高企网上怎么申报', '高新技术企业怎么申请认定']) expect(covered(q), q).toBe(true);
  });
});

describe('whether a reward is given', () => {
  const grant = answerKindsOf('有奖励吗').find((k) => k.name === 'grant')!;

  it('is said by a clause granting one, not by a reward praised to attract', () => {
    expect(grant.holds('给予每个项目一定数额的补助扶持')).toBe(true);
    expect(grant.holds('建立健全企业研发投入递增奖补机制')).toBe(true);
    expect(grant.holds('用丰厚的奖励、一流的服务吸引更多优质项目落户通州')).toBe(false);
    expect(grant.holds('以优厚的补贴吸引人才')).toBe(false);
  });

  it('so 通州认定高企有奖励吗 is declined, not answered from 用丰厚的奖励…吸引', () => {
    for (const q of ['通州认定高企有奖励吗', '通州高企认定了有没有奖励']) expect(covered(q), q).toBe(false);
    expect(covered('启东每年确定多少个技术攻关项目，有补助吗')).toBe(true);
  });

  it('is said by a clause granting it to the case asked about, not to another (研发后补助 for 招博士后)', () => {
    for (const q of ['启东企业招博士后有补贴吗', '启东新型研发机构有没有补助']) expect(covered(q), q).toBe(false);
    for (const q of ['启东研发投入增加有奖补吗', '中小企业买检测服务启东有补贴吗']) expect(covered(q), q).toBe(true);
  });
});
