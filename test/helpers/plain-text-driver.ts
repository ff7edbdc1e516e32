import { performance } from 'node:perf_hooks';
import { decrypt } from '@wecom/crypto';
import { expect } from 'vitest';
import type { OfficialAccountChannel } from '../../bot/channels/wechat/official-account.js';
import { parseXml } from '../../bot/channels/wechat/protocol/xml.js';
import type { WeComChannel } from '../../bot/channels/wecom/channel.js';
import type { Knowledge } from '../../knowledge/index.js';
import type { BotMessage, Driver } from './transcript.js';
import { typedFor } from './typed-for-button.js';
import { AES_KEY, APP_ID, channelRig, CORP_ID, encryptedCallback, fakePlatformApi, textMessageXml, type ApiLog, type ChannelRig } from './wechat.js';

const ACCOUNT = 'gh_transcripts';
let nextMsgId = 9_100_000_000n;

/**
 * A WeChat user playing a transcript: they type text, and press a button by replying with the number (or label)
 * the last message offered for it — the transcript fails when it was not offered; a button the last message did
 * not have is typed as a person would. The messages handed back
 * carry what the user actually read in WeChat as their text, and the dialog's recorded questions, verdicts and
 * citations beside it, so a transcript's `replies` are checked against the WeChat rendering.
 */
export function plainTextDriver(kind: 'wecom' | 'wechat', knowledge: Knowledge, dataDir: string, user: string) {
  type Rig = ChannelRig<WeComChannel | OfficialAccountChannel>;
  let rig: Rig | null = null;
  let api: ApiLog | null = null;
  let received: string[] = [];
  /** per turn: until the callback answered, and until the last reply reached the (fake) platform API */
  const latenciesMs: { callback: number[]; reply: number[] } = { callback: [], reply: [] };
  const up = async () => {
    rig = await channelRig(kind, knowledge, { dataDir });
  };
  const recorded = () => {
    const store = rig!.conversations.store;
    return store.transcript(store.forUser(kind, user).id).at(-1)?.payload as BotMessage[] | undefined;
  };
  /**
   * The reply that presses a button: its number or label as the last message offered it. A button the last
   * message had must have been offered, or the rendering broke; only one it did not have is typed as a person would.
   */
  const pressing = (action: string) => {
    const last = recorded();
    const label = last?.flatMap((m) => m.buttons ?? []).find((b) => b.action === action)?.label;
    if (label === undefined) return typedFor(action, last?.findLast((m) => m.ask)?.ask?.fact);
    const numbered = new RegExp(`^回复 (\\d+) ${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u');
    const lines = received.join('\n').split('\n');
    const byNumber = lines.map((line) => numbered.exec(line)?.[1]).find((n) => n !== undefined);
    if (byNumber !== undefined) return byNumber;
    expect(lines, `the button “${label}” (${action}) of the last message was not offered by number or label`).toContain(`回复“${label}”`);
    return label;
  };
  const driver: Driver = {
    send: async (input) => {
      api ??= fakePlatformApi(kind);
      const text = input.action ? pressing(input.action) : input.text ?? '';
      const xml = textMessageXml(kind === 'wecom' ? CORP_ID : ACCOUNT, user, text, String(++nextMsgId));
      const { query, body } = encryptedCallback(xml, { receiveId: kind === 'wecom' ? CORP_ID : APP_ID, safeMode: kind === 'wechat' });
      const before = api.sent.length;
      const started = performance.now();
      const res = await rig!.post(kind === 'wecom' ? '/wecom/callback' : '/wechat/callback', query, body);
      latenciesMs.callback.push(performance.now() - started);
      await rig!.channel.settled();
      latenciesMs.reply.push(performance.now() - started);
      expect(res.status).toBe(200);
      const passive = kind === 'wechat' && res.text !== 'success' ? [passiveContent(res.text)] : [];
      received = [...passive, ...api.sent.slice(before).map((s) => s.content)];
      for (const t of received) expect(Buffer.byteLength(t)).toBeLessThanOrEqual(2048);
      const seen = received.join('\n');
      const messages = recorded();
      // a turn that forgot the user left no record: what reached WeChat is all there is
      if (!messages) return [{ text: seen }];
      return [...messages.map((m) => ({ ...m, text: '' })), { text: seen }];
    },
    restart: async () => {
      await rig!.close();
      await up();
    },
    facts: async () => rig!.conversations.store.forUser(kind, user).facts,
  };
  return { driver, up, close: () => rig!.close(), latenciesMs };
}

/** The text of a 公众号 passive reply (safe mode: decrypted). */
function passiveContent(xml: string): string {
  const envelope = parseXml(xml);
  return envelope.Encrypt ? parseXml(decrypt(AES_KEY, envelope.Encrypt).message).Content ?? '' : envelope.Content ?? '';
}
