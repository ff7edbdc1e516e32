import { describe, expect, it } from 'vitest';
import { markInferred, statedInMessage } from '../../bot/llm/fact-provenance.js';

describe('whether the message itself says what the model read', () => {
  const message = '我们2019年5月在海门注册，做锂电池隔膜，属于制造业，去年卖了1.2亿，员工八十人';

  it('counts figures (in 万 or 亿), texts, choice labels, short place names and dates written in the message', () => {
    expect(statedInMessage({ path: 'salesRevenueByYear.2025', value: 12000 }, message)).toBe(true);
    expect(statedInMessage({ path: 'employees', value: 80 }, message)).toBe(true);
    expect(statedInMessage({ path: 'region', value: '海门区' }, message)).toBe(true);
    expect(statedInMessage({ path: 'mainBusiness', value: '锂电池隔膜' }, message)).toBe(true);
    expect(statedInMessage({ path: 'industryType', value: 'manufacturing' }, message)).toBe(true);
  });

  it('counts as inferred what the message does not say: other figures, fields, a full date from a month, any yes/no', () => {
    expect(statedInMessage({ path: 'employees', value: 500 }, message)).toBe(false);
    expect(statedInMessage({ path: 'highTechField', value: '新材料' }, message)).toBe(false);
    expect(statedInMessage({ path: 'registrationDate', value: '2019-05-20' }, message)).toBe(false);
    expect(statedInMessage({ path: 'hnteCertified', value: true }, message)).toBe(false);
  });

  it('marks only the inferred proposals, unticked', () => {
    const marked = markInferred([{ path: 'region', value: '海门区', evidence: message }, { path: 'hnteCertified', value: true, evidence: message }], message);
    expect(marked.map((p) => p.inferred)).toEqual([undefined, { ticked: false }]);
  });
});
