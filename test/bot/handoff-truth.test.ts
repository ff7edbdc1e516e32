import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Conversations } from '../../bot/conversation.js';
import { staffDeskFromEnv, type StaffDesk } from '../../bot/handoff/staff-desk.js';
import { testKnowledge } from '../helpers/knowledge.js';

const knowledge = testKnowledge();

function conversations(staffDesk: StaffDesk | null) {
  return new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-handoff-truth-')), knowledge, today: () => '2026-11-22', staffDesk });
}

/** A web session whose enterprise is registered in a given 区. */
function sessionIn(c: Conversations, id: string, region: string) {
  c.store.forUser('web', id, id);
  c.store.turn(id, null, (s) => ({ state: s.state, facts: { region }, reply: [], userEntry: {} }));
}

describe('转人工 tells the truth', () => {
  it('without a staff desk: no ticket and no promise; the responsible department, with the clause that names it', () => {
    const c = conversations(null);
    sessionIn(c, 'no-desk-haimen-01', '海门区');
    const reply = c.handle('web', 'no-desk-haimen-01', { action: 'human' });
    const text = reply.messages.map((m) => m.text).join('\n');
    expect(text).toContain('没有接入人工坐席');
    expect(text).not.toMatch(/工单号|会在.*回复|通知您/u);
    expect(text).toContain('区科技局（海门区）');
    expect(text).toContain('文件中没有载明这些部门的电话或地址');
    expect(reply.messages.flatMap((m) => m.citations ?? []).some((cite) => cite.jurisdiction === '海门区')).toBe(true);
    expect(c.tickets.list()).toEqual([]);
  });

  it('without a desk, a question sent with 转人工 is routed by what it asks', () => {
    const c = conversations(null);
    sessionIn(c, 'no-desk-haimen-02', '海门区');
    const text = c.handle('web', 'no-desk-haimen-02', { text: '研发辅助账怎么设置？转人工' }).messages.map((m) => m.text).join('\n');
    expect(text).toContain('没有接入人工坐席');
    expect(text).toContain('研发费用辅助账');
    expect(c.tickets.list()).toEqual([]);
  });

  it('with a desk: a ticket, and when staff reply', () => {
    const c = conversations({ replyWithin: '2个工作日内' });
    const text = c.handle('web', 'with-desk-000001', { action: 'human' }).messages.map((m) => m.text).join('\n');
    expect(text).toMatch(/工单号：TC-\d{8}-\d{4}。工作人员会在2个工作日内回复/u);
    expect(c.tickets.list()).toHaveLength(1);
  });

  it('the desk is there only with a staff token; the operator says how soon', () => {
    expect(staffDeskFromEnv({})).toBeNull();
    expect(staffDeskFromEnv({ TONGCE_STAFF_REPLY_WITHIN: '2小时内' })).toBeNull();
    expect(staffDeskFromEnv({ TONGCE_STAFF_TOKEN: 't' })).toEqual({ replyWithin: '1个工作日内' });
    expect(staffDeskFromEnv({ TONGCE_STAFF_TOKEN: 't', TONGCE_STAFF_REPLY_WITHIN: ' 2小时内 ' })).toEqual({ replyWithin: '2小时内' });
  });
});
