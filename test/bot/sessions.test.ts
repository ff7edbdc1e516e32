import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConversationDb } from '../../bot/state/database.js';
import { SessionStore } from '../../bot/state/sessions.js';

interface S { step: number }
const fresh = () => join(mkdtempSync(join(tmpdir(), 'tongce-sessions-')), 'tongce.db');
const store = (path: string, now = Date.now) => new SessionStore<S>(openConversationDb(path), () => ({ step: 0 }), now);
const advance = (text: string) => (s: { state: S; facts: Record<string, unknown> }) => ({
  state: { step: s.state.step + 1 }, facts: { ...s.facts, [`said${s.state.step}`]: text }, reply: `ok ${s.state.step + 1}`, userEntry: { text },
});

describe('conversation store', () => {
  it('keeps state, facts and transcript across a close and reopen', () => {
    const path = fresh();
    const a = store(path);
    const s = a.forUser('web', 'u1');
    a.turn(s.id, null, advance('hello'));
    a.turn(s.id, null, advance('again'));
    const b = store(path);
    const back = b.get(s.id)!;
    expect(back.state).toEqual({ step: 2 });
    expect(back.facts).toEqual({ said0: 'hello', said1: 'again' });
    expect(b.transcript(s.id).map((e) => e.role)).toEqual(['user', 'bot', 'user', 'bot']);
  });

  it('a turn that fails writes nothing', () => {
    const st = store(fresh());
    const s = st.forUser('web', 'u1');
    expect(() => st.turn(s.id, { channel: 'web', key: 'm1' }, () => { throw new Error('boom'); })).toThrow('boom');
    expect(st.get(s.id)!.turns).toBe(0);
    expect(st.transcript(s.id)).toEqual([]);
    expect(st.replayOf('web', 'm1')).toBeUndefined();
  });

  it('applies a message once: a duplicate gets the stored reply, the state moves once', () => {
    const st = store(fresh());
    const s = st.forUser('telegram', '42');
    expect(st.turn(s.id, { channel: 'telegram', key: '1001' }, advance('hi'))).toEqual({ reply: 'ok 1', replayed: false });
    expect(st.turn(s.id, { channel: 'telegram', key: '1001' }, advance('hi'))).toEqual({ reply: 'ok 1', replayed: true });
    expect(st.get(s.id)!.state.step).toBe(1);
  });

  it('forgets a user everywhere: sessions, facts, transcripts, processed messages', () => {
    const st = store(fresh());
    const s = st.forUser('telegram', '42');
    st.turn(s.id, { channel: 'telegram', key: '1' }, advance('x'));
    expect(st.forgetUser('telegram', '42')).toBe(1);
    expect(st.get(s.id)).toBeUndefined();
    expect(st.transcript(s.id)).toEqual([]);
    expect(st.replayOf('telegram', '1')).toBeUndefined();
    expect(st.forUser('telegram', '42').id).not.toBe(s.id);
  });

  it('a turn may forget its own session; nothing is written back', () => {
    const st = store(fresh());
    const s = st.forUser('web', 'w');
    st.turn(s.id, { channel: 'web', key: 'k' }, (x) => { st.forgetSession(x.id); return { ...advance('bye')(x) }; });
    expect(st.get(s.id)).toBeUndefined();
    expect(st.replayOf('web', 'k')).toBeUndefined();
  });

  it('expires idle sessions', () => {
    let now = 1_000_000;
    const st = store(fresh(), () => now);
    const old = st.forUser('web', 'old');
    now += 60_000;
    const recent = st.forUser('web', 'recent');
    now += 10_000;
    expect(st.expireIdle(30_000)).toBe(1);
    expect(st.get(old.id)).toBeUndefined();
    expect(st.get(recent.id)).toBeDefined();
  });
});
