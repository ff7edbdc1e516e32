import { describe, expect, it } from 'vitest';
import { figuresIn, numbersIn, unsupportedFigures } from '../../bot/llm/numbers.js';

describe('figures in a text', () => {
  it('reads Arabic figures with separators, decimals, percentages and years', () => {
    expect(numbersIn('最近一年销售收入小于5,000万元（含）的企业，比例不低于5%')).toEqual([5000, 5]);
    expect(numbersIn('2023年12月，研发费用占比3.5%')).toEqual([2023, 12, 3.5]);
    expect(numbersIn('全角数字２０２４年')).toEqual([2024]);
  });

  it('reads Chinese numerals that count or measure, keeping 万 and 亿 as units as the documents write them', () => {
    expect(numbersIn('近三年')).toEqual([3]);
    expect(numbersIn('五千万元')).toEqual([5000]);
    expect(numbersIn('5000万元')).toEqual(numbersIn('五千万元'));
    expect(numbersIn('5千万元')).toEqual([5000]);
    expect(numbersIn('百分之六十')).toEqual([60]);
    expect(numbersIn('第十二条')).toEqual([12]);
    expect(numbersIn('两个亿')).toEqual([2]);
  });

  it('leaves out words that only contain numeral characters', () => {
    expect(numbersIn('统一规定，进一步加强，一般不超过，十分重要，一家企业')).toEqual([]);
    expect(numbersIn('一是加强管理；二是完善制度')).toEqual([]);
  });

  it('reads the unit written with each figure, spellings of one unit alike', () => {
    expect(figuresIn('最高60万元，比例不低于60%，百分之五，五千万元以上，近三年，2023年度')).toEqual([
      { value: 60, unit: '万', bound: 'at-most' },
      { value: 60, unit: '%', bound: 'at-least' },
      { value: 2023, unit: '年', bound: null },
      { value: 5, unit: '%', bound: null },
      { value: 5000, unit: '万', bound: 'at-least' },
      { value: 3, unit: '年', bound: null },
    ]);
  });

  it('finds the figures an answer states that its sources do not, with their units', () => {
    expect(unsupportedFigures('比例不低于5%，近三年', ['比例不低于5%', '最近三年'])).toEqual([]);
    expect(unsupportedFigures('比例不低于6%', ['比例不低于5%'])).toEqual(['≥6%']);
    expect(unsupportedFigures('最高奖励50万元', ['给予奖励'])).toEqual(['50万']);
    expect(unsupportedFigures('1.2亿元', ['12000万元'])).toEqual(['1.2亿']);
    expect(unsupportedFigures('另有60万元研发补贴', ['比例不低于60%'])).toEqual(['60万']);
    expect(unsupportedFigures('比例为60', ['比例不低于60%'])).toEqual([]);
    // the bound is part of the figure: the opposite direction is another condition
    expect(unsupportedFigures('比例可以低于60%', ['比例不低于60%'])).toEqual(['≤60%']);
    expect(unsupportedFigures('比例在60%以上', ['比例不低于60%'])).toEqual([]);
    expect(unsupportedFigures('不超过百分之六十', ['比例不低于60%'])).toEqual(['≤60%']);
    // a table cell gives the figure, its column header the unit
    expect(unsupportedFigures('目标为180万元', ['列：目标（万元）\t180'])).toEqual([]);
  });
});
