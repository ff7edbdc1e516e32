import fc from 'fast-check';
import { FACT_KEYS, PER_YEAR_KEYS } from '../../rules/facts/schema.js';

/**
 * Inputs an attacker, a broken client or a confused user might send: the hostile-input tests and bench draw
 * from these. Hand-picked strings seed the generators, because random Unicode rarely hits the cases that matter
 * (markup, FTS5 operators, surrogate halves, 万/亿 overflow).
 */

export const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  "'><a href=\"javascript:alert(1)\">x</a>",
  '<b>粗体</b><i>斜体</i><blockquote expandable>引用</blockquote>',
  '<details open ontoggle=alert(1)>',
  '<style>*{display:none}</style>',
  '<template><script>alert(1)</script></template>',
  '&lt;script&gt;&amp;&#x3C;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '</blockquote><a href="tg://x">链接</a>',
] as const;

export const FTS_SYNTAX = [
  '"', '""', '" OR "', 'NEAR(高企 研发, 5)', '高企 AND NOT 科小', '*', '研发*', '^高企', 'clauses:高企', '(', ')', '()',
  'docId:1 OR 1=1', '高企" OR "1"="1', '- -', 'NOT', 'AND OR NOT', '{高企 研发}', '高企 + 科小', ':', '"unterminated',
] as const;

export const CONTROL = [
  '\u0000', '\u0000高企\u0000', '\u0007\u0008\u001b[31m红\u001b[0m', '\r\n\r\n', '\t\v\f', '\u0085\u2028\u2029',
  '\u200b\u200c\u200d\ufeff', '\u202e企高\u202c', '\ud800', '\udfff高', 'a\ud83d', '\ufffd\uffff\ufffe',
] as const;

/** Answers to "how much / how many / when" that no enterprise could give, in the ways people write numbers. */
export const ABSURD_ANSWERS = [
  '-1', '-0', '0', '1e308', '1e309', '-1e309', 'NaN', 'Infinity', '9'.repeat(400), '0.' + '0'.repeat(300) + '1', '1/0',
  '99999999999999999999999亿', '一千亿亿亿', '负三百万', '百分之一千', '-5%', '250%', '1e3%', '三分之一', '0x10', '1_000',
  '0000-00-00', '2024-02-30', '9999-12-31', '0001-01-01', '2024年13月45日', '公元前221年', '昨天', '明年',
  '12,3,4万', '３００万', '〇', '两', '几百万', '是也不是', '对不对', '是否', '1e-400',
] as const;

/** Button actions, real and made up: the dialog must treat an unknown or malformed one as input, not a crash. */
export const ACTIONS = [
  'check', 'check:hnte', 'check:nonexistent', 'check:', 'lookup', 'help', 'facts', 'restart', 'human', 'forget', 'forget-confirm',
  'forget-cancel', 'confirm', 'reject', 'skip', 'answer:true', 'answer:false', 'answer:', 'answer:A', 'answer:__proto__',
  'answer:constructor', 'answer:999999999999', ':', '::', 'answer:true:false', '__proto__', 'toString', 'hasOwnProperty',
] as const;

const MAX_TEXT = 2000;

const fragment = fc.oneof(
  fc.constantFrom(...MARKUP, ...FTS_SYNTAX, ...CONTROL, ...ABSURD_ANSWERS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('高企', '研发费用', '注册成立', '海门区', '我的信息', '忘记我', '转人工', '不知道', '是', '否', '1500万', '百分之十二'),
);

/** Text a user might type: fragments run together, sometimes near or over the 2,000-character limit. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.integer({ min: MAX_TEXT - 5, max: MAX_TEXT + 5 })).map(([f, n]) => (f || 'x').repeat(n).slice(0, n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
);

/** A JSON value of any shape, including numbers JSON can carry but no fact allows. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324, '', [], {}, null, true),
);

/** What a user types when a question is pending: absurd values, alone or in the sentences the dialog reads facts from. */
export const typedAnswer: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ABSURD_ANSWERS),
  fc.tuple(fc.constantFrom(...ABSURD_ANSWERS), fc.constantFrom(...ABSURD_ANSWERS), fc.constantFrom(...ABSURD_ANSWERS)).map(
    ([a, b, c]) => `我们${a}成立，员工${b}人，其中科技人员${c}人，去年营收${a}`,
  ),
  fc.constantFrom(...ABSURD_ANSWERS).map((a) => `注册时间填错了，是${a}`),
  fc.constantFrom(...ABSURD_ANSWERS).map((a) => `销售收入${a}万元，研发费用${a}`),
);

/**
 * A few sessions every generated request may land in, so that hostile input reaches a dialog in every state (a
 * question pending, facts awaiting confirmation, a verdict given) rather than always a fresh one.
 */
export const SESSION_POOL = ['hostile-session-0001', 'hostile-session-0002', 'hostile-session-0003', 'hostile-session-0004', 'hostile-session-0005'] as const;

const messageId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/u);

/** POST /api/chat bodies: well-formed ones carrying hostile text into live dialogs, and bodies with wrong types and extra keys. */
export const chatBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc.record(
      {
        sessionId: fc.constantFrom(...SESSION_POOL),
        input: fc.oneof(
          { weight: 3, arbitrary: fc.oneof(hostileText, typedAnswer).map((text) => ({ text })) },
          { weight: 2, arbitrary: fc.constantFrom(...ACTIONS).map((action) => ({ action })) },
        ),
        messageId: fc.option(messageId, { nil: undefined }),
      },
      { requiredKeys: ['sessionId', 'input'] },
    ).map(({ sessionId, input, messageId: id }) => ({ sessionId, ...input, ...(id === undefined ? {} : { messageId: id }) })),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        sessionId: fc.oneof(fc.constantFrom(...SESSION_POOL, 'A'.repeat(64), 'A'.repeat(65), 'short', '../../etc/passwd', '__proto__'), hostileText, anyJson),
        text: fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: anyJson }),
        action: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ACTIONS) }, { weight: 1, arbitrary: hostileText }, { weight: 1, arbitrary: anyJson }),
        messageId: fc.oneof(messageId, hostileText, anyJson),
        extra: anyJson,
        ['__proto__']: anyJson,
      },
      { requiredKeys: [] },
    ),
  },
);

/** Bytes that are not the JSON they claim to be, or JSON built to exhaust a parser. */
export const brokenBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.json({ maxDepth: 3 }).chain((j) => fc.integer({ min: 0, max: Math.max(0, j.length - 1) }).map((cut) => j.slice(0, cut))),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => '{"text":'.repeat(depth) + '"x"' + '}'.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `{"text":"${'高'.repeat(n)}","text":"dup","text":${n}}`),
  fc.constantFrom('', ' ', 'null', 'true', '0', '"text"', '\ufeff{"text":"bom"}', '{"text":"\\ud800"}', '{"text":"\\u0000"}', '{"text":1e999}',
    '{"__proto__":{"isAdmin":true},"text":"hi"}', '{"constructor":{"prototype":{"x":1}},"text":"hi"}', 'NaN', '{text:"unquoted"}', "{'text':'single'}"),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
);

/** About 1 MB: over every body limit, as one JSON string or as a long array. */
export const hugeBody: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1_000_000, max: 1_100_000 }).map((n) => `{"text":"${'a'.repeat(n)}"}`),
  fc.integer({ min: 300_000, max: 350_000 }).map((n) => `[${'1,'.repeat(n)}1]`),
);

/** Content types a client might send with a JSON body. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/json; charset=utf-16', 'application/jsonx', 'multipart/form-data; boundary=x', 'APPLICATION/JSON') },
);

const factKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FACT_KEYS, 'asOf') }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const yearKey = fc.oneof(fc.integer({ min: 1900, max: 2100 }).map(String), fc.constantFrom('0000', '99999', '-2024', '2024.5', 'abcd', ''));
const factValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1, 100, 100.0000001, 1e308, -1e308, 2 ** 53, true, false, null, '', '2024-02-29', '2023-02-29', '2024-13-01', '9999-12-31', '0000-01-01', 'A', 'E', 'Z', '崇川区', '市外', 'none'),
  fc.dictionary(yearKey, fc.oneof(fc.double(), fc.integer(), fc.constantFrom(null, '1500', true)), { maxKeys: 4 }),
  anyJson,
  hostileText,
);

/** Facts profiles for `tongce evaluate`: known keys with wrong, absurd or borderline values, unknown keys, non-objects. */
export const hostileProfile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(factKey, factValue, { maxKeys: 12 }) },
  { weight: 2, arbitrary: fc.record(Object.fromEntries(PER_YEAR_KEYS.map((k) => [k, fc.dictionary(yearKey, fc.double(), { maxKeys: 4 })])), { requiredKeys: [] }) },
  { weight: 1, arbitrary: anyJson },
);

/** Telegram updates: well-formed ones carrying hostile text or callback data, and malformed ones. */
export function hostileUpdate(updateId: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  // mostly a few chats, so that hostile text reaches dialogs in progress
  const chatId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(501, 502, 503) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }) }, { weight: 1, arbitrary: fc.constantFrom(-1001234567890, 0, 2 ** 53) });
  const message = (id: number, chat: number, text: unknown) => ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private', first_name: 'U' }, from: { id: chat, is_bot: false, first_name: 'U' }, text },
  });
  const press = (id: number, chat: number, data: unknown) => ({
    update_id: id,
    callback_query: { id: String(id), chat_instance: 'x', data, from: { id: chat, is_bot: false, first_name: 'U' }, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private', first_name: 'U' }, text: 'q' } },
  });
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(updateId, chatId, fc.oneof(hostileText, typedAnswer, fc.constantFrom('/start', '/check', '/forget', '/lookup 高企', '/reset@tongce_bot', '/unknown'))).map(([u, c, t]) => message(u, c, t)) },
    { weight: 2, arbitrary: fc.tuple(updateId, chatId, fc.oneof(fc.constantFrom(...ACTIONS), hostileText)).map(([u, c, d]) => press(u, c, d)) },
    {
      weight: 1,
      arbitrary: fc.tuple(updateId, chatId, anyJson).chain(([u, c, junk]) =>
        fc.constantFrom<unknown>(
          { update_id: u },
          { update_id: u, message: {} },
          { update_id: u, message: { chat: null } },
          { update_id: u, message: { chat: {} , text: 'hi' } },
          { update_id: u, message: { message_id: 1, date: 0, chat: { id: c, type: 'private' }, text: junk } },
          { update_id: u, callback_query: {} },
          { update_id: u, callback_query: { id: 'x', data: 'check', from: { id: c, is_bot: false, first_name: 'U' } } },
          { update_id: u, callback_query: { id: 'x', data: 'check', message: {} } },
          { update_id: u, edited_message: { message_id: 1, date: 0, chat: { id: c, type: 'private' }, text: 'edited' } },
          { update_id: u, message: junk },
          { update_id: u + 0.5, message: {} },
          { update_id: -u },
          { update_id: String(u) },
          junk,
        ),
      ),
    },
  );
}
