import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Conversations } from '../../bot/conversation.js';
import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../bot/dialog/verdict.js';
import { evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts/schema.js';
import { toJson } from '../../rules/present/to-json.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();
const AS_OF = '2026-11-22';

/** A strong 高企 applicant: every condition met, the score left to the experts' marking within its bands. */
const STRONG: Facts = {
  region: '通州区', registrationDate: '2018-05-01', ipCoreSupport: true, highTechField: '电子信息', employees: 200, scienceStaff: 40,
  salesRevenueByYear: { 2023: 3000, 2024: 3900, 2025: 4800 }, rdExpenseByYear: { 2023: 200, 2024: 250, 2025: 300 }, rdExpenseChinaShare: 100,
  highTechIncomeShare: 80, majorIncidentLastYear: false, techAdvancement: 'A', coreSupportLevel: 'A', ipClassI: 2, ipClassII: 5, ipSelfDeveloped: true,
  joinedStandards: true, techTransfersAnnualAvg: 5, rdManagementSystem: true, rdInstitutionAndCooperation: true, transferIncentiveSystem: true,
  talentSystem: true, netAssetsByYear: { 2023: 1000, 2024: 1400, 2025: 1960 },
};

const messages = (facts: Facts) => verdictMessages(toJson(evaluate(facts, AS_OF), knowledge.resolve), ['hnte'], 'zh');

describe('the verdict in the chat', () => {
  it('keeps what the enterprise can still tell apart from what only the experts decide, and shows the estimate', () => {
    const hnte = messages(STRONG).find((m) => m.text.includes('【高新技术企业认定】'))!;
    expect(hnte.text).toContain('以下由评审专家在各档内打分决定，无需您再提供：知识产权');
    expect(hnte.text).toMatch(/估算（可能通过）：估算，不是认定结论/);
    expect(hnte.text).not.toContain('您还可以告诉我');
    const partial = messages({ ...STRONG, talentSystem: undefined }).find((m) => m.text.includes('【高新技术企业认定】'))!;
    expect(partial.text).toContain('您还可以告诉我：人才培养');
  });

  it('asks “是65%吗？” before a verdict that took a share of 0.65 as 0.65%', () => {
    const all = messages({ ...STRONG, highTechIncomeShare: 0.65 });
    expect(all[0]!.text).toContain('是65%吗？');
    expect(all.at(-1)!.evaluation!.warnings).toEqual([expect.objectContaining({ fact: 'highTechIncomeShare', suggested: 65 })]);
  });

  it('takes the answer it suggests: the share is read again and confirmed as 65%', () => {
    const conversations = new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-verdict-')), knowledge, today: () => AS_OF });
    let n = 0;
    const send = (input: { text?: string; action?: string }) => conversations.handle('web', 'u', input, `m${++n}`).messages;
    send({ action: 'check:hnte' });
    send({ text: '高新技术产品收入占比0.65%' });
    send({ action: 'confirm' });
    expect(conversations.store.get('u')?.facts).toMatchObject({ highTechIncomeShare: 0.65 });
    const suggestion = /请回复“(.+?)”/u.exec(messages({ ...STRONG, highTechIncomeShare: 0.65 })[0]!.text)![1]!;
    // a correction: applied at once, shown as 旧值 → 新值 with 撤销
    expect(send({ text: suggestion })[0]!.text).toContain('0.65 % → 65 %');
    expect(conversations.store.get('u')?.facts).toMatchObject({ highTechIncomeShare: 65 });
  });

  it('a 科创项目 ruled out with 条件2 met shows no other route as a gap, nor the pool as the way to 条件6', () => {
    // “应满足以下条件之一”: 条件2 holds, so 条件6 (not in the 培育库) is nothing to change
    const kechuang: Facts = {
      region: '通州区', registrationDate: '2023-06-01', attractedFromOutside: true, operatingNormally: false, kechuangRecognizedBefore: false,
      industryType: 'manufacturing', highTechField: '新能源与节能', tangibleAssetsFromCash: 50, taxableSalesThisYear: 0,
      founderStemMasters: true, founderCashPaidIn: 150, founderIsPrincipal: true, inCultivationPool: false,
    };
    const e = toJson(evaluate(kechuang, AS_OF), knowledge.resolve);
    const text = verdictMessages(e, ['kechuang-project-2023'], 'zh').find((m) => m.text.includes('【'))!.text;
    expect(text).toContain('✗ 正常运营');
    expect(text).toContain('✗ 货币投资形成的有形资产');
    expect(text).not.toContain('条件6');
    expect(text.match(/✗/gu)).toHaveLength(2);
    expect(e.roadmap.flatMap((s) => s.actions).join('\n')).not.toContain('条件6');
  });
});
