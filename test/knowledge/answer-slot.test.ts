import { describe, expect, it } from 'vitest';
import { slotsFilledBeside } from '../../knowledge/search/answer-slot.js';

const held = (...tokens: string[]) => tokens.map((token) => ({ token, held: true }));

describe('the slot a question asks to fill (knowledge/search/answer-slot.ts)', () => {
  it('counts a filler only beside the thing asked about', () => {
    expect(slotsFilledBeside('高企资格有效期几年', '第九条 通过认定的高新技术企业，其资格自颁发证书之日起有效期为三年。', held('有效期', '资格'))).toBe(1);
    // a year is not the count asked for, and the row names no figure of signed projects
    const row = '1 上海 长三角（通州）高质量产业发展峰会 推介通州招商环境，对接签约产业科创人才项目 2023年3月 区委、区政府';
    expect(slotsFilledBeside('长三角峰会签约了多少项目', row, held('签约', '项目', '长三角'))).toBe(0);
    // a clause lacking every word beside the slot does not fill it, however many figures it states
    expect(slotsFilledBeside('高企认定申报要交多少申请费', '1. 高新技术企业认定申请书；共3份，2024年', [{ token: '申请费', held: false }, { token: '高企', held: true }])).toBe(0);
    expect(slotsFilledBeside('高企有什么好处', '任何条文', [])).toBe(1);
  });
});
