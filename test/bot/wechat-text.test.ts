import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortPlace, shortReference } from '../../bot/channels/wechat-text/citation-ref.js';
import { toPlainText } from '../../bot/channels/wechat-text/render.js';
import { packTexts, splitText, WECHAT_TEXT_LIMIT } from '../../bot/channels/wechat-text/split.js';
import { readTyped } from '../../bot/channels/wechat-text/text-conversation.js';
import { openConversationDb } from '../../bot/state/database.js';
import type { Citation } from '../../knowledge/citation.js';

const bytes = (s: string) => Buffer.byteLength(s);
const citation = (over: Partial<Citation>): Citation => ({
  docId: 'hnte-measures', docTitle: '高新技术企业认定管理办法', docNumber: '国科发火〔2016〕32号', issuer: '科技部 财政部 税务总局', date: '2016-01-29',
  sourceKind: 'regulation', clauseId: 'c1', path: '第三章认定条件与程序 › 第十一条 › （一）企业申请认定时须注册成立…', quote: '（一）企业申请认定时须注册成立一年以上；',
  jurisdiction: '全国', provenance: 'third-party', ...over,
});

describe('splitting under the 2048-byte limit', () => {
  it('splits at sentence ends, every piece within the limit, nothing lost', () => {
    const text = Array.from({ length: 120 }, (_, i) => `第${i}句说明企业研发费用占比的计算口径和材料要求。`).join('');
    const pieces = splitText(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(bytes(p)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('cuts a sentence longer than a message between characters, never inside one', () => {
    const text = '研'.repeat(1000) + '😀'.repeat(300);
    const pieces = splitText(text, 100);
    for (const p of pieces) expect(bytes(p)).toBeLessThanOrEqual(100);
    expect(pieces.join('')).toBe(text);
    expect(pieces.join('')).not.toContain('\uFFFD');
  });

  it('splits at line breaks too, and packs short texts into as few messages as fit', () => {
    expect(splitText('一行\n二行\n三行', 8)).toEqual(['一行', '二行', '三行']);
    expect(packTexts(['甲。', '乙。', '丙。'])).toEqual(['甲。\n\n乙。\n\n丙。']);
    const packed = packTexts(Array.from({ length: 30 }, () => '条'.repeat(200)));
    for (const p of packed) expect(bytes(p)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
    expect(packed.length).toBe(Math.ceil(30 / Math.floor((WECHAT_TEXT_LIMIT + 2) / (600 + 2))));
  });
});

describe('short references', () => {
  it('names a clause by its 文号 and the numbering of its place', () => {
    expect(shortReference(citation({}))).toBe('【国科发火〔2016〕32号 第十一条（一）】');
    expect(shortPlace('附件1 › 重点任务分解表 › 第1行（强化科创项目招引）')).toBe('附件1 重点任务分解表 第1行');
    expect(shortPlace('第七条 › 第3条 › F.')).toBe('第七条 第3条 F.');
    expect(shortReference(citation({ docNumber: null, docTitle: '区政府办公室关于印发《南通市海门区高新技术企业培育三年行动方案（2022-2024）》的通知', path: '三、重点任务 › （七）加强知识产权创造' })))
      .toBe('【《南通市海门区高新技术企业培…》 三、（七）】');
  });
});

describe('a turn as plain text', () => {
  it('offers buttons as numbered choices, and citations as references with “依据”', () => {
    const turn = toPlainText([
      { text: '答案。', citations: [citation({})] },
      { text: '还要什么？', buttons: [{ label: '评估我能认定什么', action: 'check' }, { label: '转人工', action: 'human' }] },
    ]);
    expect(turn.texts).toEqual(['答案。\n依据：【国科发火〔2016〕32号 第十一条（一）】', '还要什么？\n\n回复 1 评估我能认定什么\n回复 2 转人工\n回复“依据”查看条款原文']);
    expect(turn.numbered).toBe(true);
    expect(turn.choices).toEqual([{ n: 1, label: '评估我能认定什么', action: 'check' }, { n: 2, label: '转人工', action: 'human' }]);
  });

  it('offers the buttons by label while a number is asked', () => {
    const turn = toPlainText([{ text: '职工总数是多少人？', ask: { fact: 'employees', kind: 'number', unit: '人' }, buttons: [{ label: '不知道', action: 'skip' }] }]);
    expect(turn.texts[0]).toBe('职工总数是多少人？\n\n回复“不知道”');
    expect(turn.numbered).toBe(false);
  });

  it('reads a reply: a number or a label presses, “依据” asks for the quotes, anything else is text', () => {
    const menu = { choices: [{ n: 1, label: '确定删除', action: 'forget-confirm' }, { n: 2, label: '取消', action: 'forget-cancel' }], numbered: true, citations: [] };
    expect(readTyped(' 2 ', menu)).toEqual({ action: 'forget-cancel' });
    expect(readTyped('１', menu)).toEqual({ action: 'forget-confirm' });
    expect(readTyped('取消', menu)).toEqual({ action: 'forget-cancel' });
    expect(readTyped('3', menu)).toEqual({ text: '3' });
    expect(readTyped('1', { ...menu, numbered: false })).toEqual({ text: '1' });
    expect(readTyped('依据', menu)).toBe('quotes');
    expect(readTyped('1', undefined)).toEqual({ text: '1' });
  });
});

describe('the plain-text channels’ tables', () => {
  it('come with the conversation database’s migrations, also over a database that made them itself before', () => {
    const fresh = openConversationDb(':memory:');
    expect(fresh.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'plain_text_%' ORDER BY name").pluck().all()).toEqual(['plain_text_inbox', 'plain_text_menus']);
    const path = join(mkdtempSync(join(tmpdir(), 'tongce-migrate-')), 'conversations.db');
    const old = openConversationDb(path);
    // as the first release of the channels left it: its tables made outside the migrations, user_version 2
    old.exec('DROP TABLE plain_text_menus; ALTER TABLE ticket_replies DROP COLUMN undeliverable');
    old.pragma('user_version = 2');
    old.close();
    const migrated = openConversationDb(path);
    expect(migrated.pragma('user_version', { simple: true })).toBe(4);
    expect(migrated.prepare('SELECT undeliverable FROM ticket_replies').all()).toEqual([]);
    expect(migrated.prepare('SELECT * FROM plain_text_menus').all()).toEqual([]);
  });
});
