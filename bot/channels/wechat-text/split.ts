/** Both platforms cut a text message at 2048 bytes of UTF-8 (企业微信 message/send, 公众号 客服 and passive replies). */
export const WECHAT_TEXT_LIMIT = 2048;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Sentences and lines, each keeping its ending mark, so a split never falls inside a sentence. */
function sentences(text: string): string[] {
  return text.match(/[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)/gu)?.filter((s) => s !== '') ?? [text];
}

/** Cuts a single over-long sentence at the last character (never half of one) that fits. */
function cutByBytes(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (bytes(current) + bytes(ch) > limit) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Splits a text into messages of at most `limit` bytes, at sentence or line boundaries; only a sentence longer
 * than a whole message is cut inside. Nothing is lost: the pieces joined give the text back, but for the line
 * breaks a split fell on.
 */
export function splitText(text: string, limit = WECHAT_TEXT_LIMIT): string[] {
  if (bytes(text) <= limit) return [text];
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.replace(/\n+$/u, '');
    if (trimmed) out.push(trimmed);
    current = '';
  };
  for (const sentence of sentences(text)) {
    if (bytes(current) + bytes(sentence) <= limit) {
      current += sentence;
      continue;
    }
    flush();
    if (bytes(sentence) <= limit) current = sentence.replace(/^\n+/u, '');
    else {
      const pieces = cutByBytes(sentence, limit);
      out.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
    }
  }
  flush();
  return out;
}

/**
 * Puts short texts together into as few messages as fit under the limit, one blank line apart, and splits the
 * long ones: 公众号 lets a service send only a few messages per user message, so a verdict must not spend them
 * one short paragraph at a time.
 */
export function packTexts(texts: string[], limit = WECHAT_TEXT_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of texts.flatMap((t) => splitText(t, limit))) {
    const joined = current ? `${current}\n\n${piece}` : piece;
    if (bytes(joined) <= limit) current = joined;
    else {
      out.push(current);
      current = piece;
    }
  }
  if (current) out.push(current);
  return out;
}
