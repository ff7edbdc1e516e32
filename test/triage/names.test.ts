import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jurisdictionNamedIn, normaliseJurisdiction, servingJurisdictions } from '../../knowledge/triage/jurisdictions.js';
import { aliasKeys, departmentKey, isRoutable, repairUnitList, withCarriedLevel } from '../../knowledge/triage/names.js';

describe('department names', () => {
  it('files every writing of the same office under one key', () => {
    for (const n of ['区市监局', '区市场监管局', '区市场监督管理局', '区 市场监督管理局']) expect(departmentKey(n, '海门区')).toBe('区市场监管局');
    expect(departmentKey('发展改革委', '启东市')).toBe(departmentKey('市发改委', '启东市'));
    expect(departmentKey('市委人才办', '南通市')).toBe(departmentKey('市人才办', '南通市'));
    expect(departmentKey('人力资源社会保障局', '启东市')).toBe('市人社局');
    expect(departmentKey('中国人民银行海门区支行', '海门区')).toBe(departmentKey('人行海门支行', '海门区'));
  });

  it('reads a division name at the start as that division’s office at its level', () => {
    expect(departmentKey('海门税务局', '海门区')).toBe('区税务局');
    expect(departmentKey('南通市科技局', '南通市')).toBe('市科技局');
    // an institution named after the city is not a 市-level office
    expect(departmentKey('南通海关', '南通市')).toBe('南通海关');
    expect(departmentKey('南通大学', '南通市')).toBe('南通大学');
  });

  it('carries a list’s level to the unprefixed names after it (市场监管局 is not 市 + 场监管局)', () => {
    expect(withCarriedLevel(['市发展改革委', '财政局', '科技局'], '市')).toEqual(['市发展改革委', '市财政局', '市科技局']);
    expect(withCarriedLevel(['市科技局', '市场监管局'], '市')).toEqual(['市科技局', '市市场监管局']);
    expect(withCarriedLevel(['科技局', '高新技术产业开发区'], '区')).toEqual(['区科技局', '高新技术产业开发区']);
  });

  it('repairs names a split on 、 broke and names a lost line break ran together', () => {
    expect(repairUnitList(['市商务局', '各县（市', '区）人民政府', '市各直属园区管委会'])).toEqual(['市商务局', '各县（市、区）人民政府', '市各直属园区管委会']);
    expect(repairUnitList(['金沙街道办事处兴仁镇人民政府'])).toEqual(['金沙街道办事处', '兴仁镇人民政府']);
  });

  it('gives the bracketed other name the text states as an alias, and nothing else', () => {
    expect(aliasKeys('区委组织部（人才办）', '通州区')).toEqual(['区人才办']);
    expect(departmentKey('区委组织部（人才办）', '通州区')).toBe('区委组织部');
    expect(aliasKeys('区委组织部', '海门区')).toEqual([]);
  });

  it('does not route to collective addressees or the government itself', () => {
    for (const n of ['各区镇', '各县(市、区)人民政府', '市各直属园区管委会', '市科创委成员单位', '区委', '区政府']) expect(isRoutable(n)).toBe(false);
    for (const n of ['区税务局', '五接镇人民政府', '南通海关', '南通高新区管委会']) expect(isRoutable(n)).toBe(true);
  });

  it('keys are stable: normalising a key again, or writing it with other widths and spaces, changes nothing', () => {
    const names = ['区市监局', '市发展改革委', '市委人才办', '海门税务局', '区委组织部（人才办）', '南通海关', '市自然资源和规划局', '财政局'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('海门区', '启东市', '南通市'), fc.array(fc.nat(), { maxLength: 3 }), (name, j, cuts) => {
        const key = departmentKey(name, j);
        expect(departmentKey(key, j)).toBe(key);
        const spaced = cuts.reduce((s, c) => { const at = c % (s.length + 1); return `${s.slice(0, at)} ${s.slice(at)}`; }, name);
        expect(departmentKey(spaced.replace(/（/g, '(').replace(/）/g, ')'), j)).toBe(key);
      }),
    );
  });
});

describe('caller jurisdictions', () => {
  it('normalises what callers type and what questions name', () => {
    expect(normaliseJurisdiction('海门')).toBe('海门区');
    expect(normaliseJurisdiction(' 启东市 ')).toBe('启东市');
    expect(normaliseJurisdiction('上海')).toBeNull();
    expect(jurisdictionNamedIn('启东的科技贷款找谁')).toBe('启东市');
    expect(jurisdictionNamedIn('通州湾示范区的主攻方向')).toBeNull();
    expect(jurisdictionNamedIn('南通沿江科创带建设，启东这边谁牵头')).toBe('启东市');
    expect(jurisdictionNamedIn('全市科技招商共享平台')).toBe('南通市');
  });

  it('serves a county caller by its own offices and the city’s, never another county’s', () => {
    expect(servingJurisdictions('海门区')).toEqual(['海门区', '南通市']);
    expect(servingJurisdictions('南通市')).toEqual(['南通市']);
  });
});
