import iconv from 'iconv-lite';

/** How much text after the first non-ASCII byte is looked at before deciding between UTF-8 and GBK. */
const SNIFF_BYTES = 4096;

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return i;
  return -1;
}

function isUtf8(bytes: Buffer, complete: boolean): boolean {
  try {
    // stream mode forgives a sequence cut off at the end of the sample, which the next chunk would complete
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decodes a CSV file's bytes as they stream in. A byte-order mark decides (UTF-8, or the UTF-16 of Excel's
 * "Unicode text"); without one, text that is valid UTF-8 is UTF-8 and anything else is GB18030, the superset of
 * the GBK that government systems and Chinese Excel export. ASCII reads the same in both, so the decision waits
 * for the first non-ASCII bytes — a header row of Chinese column names settles it at once.
 */
export class TextDecoding {
  private decoder: { write(b: Buffer): string; end(): string | undefined } | null = null;
  private pending: Buffer[] = [];
  /** bytes held from the first non-ASCII one on */
  private pendingBytes = 0;
  private started = false;
  encoding: string | null = null;

  /** Text decoded so far from `chunk` (possibly none while the encoding is still being decided). */
  write(chunk: Buffer): string {
    if (this.decoder) return this.decoder.write(chunk);
    if (!this.started) {
      this.started = true;
      const bom = bomEncoding(chunk);
      if (bom) return this.decide(bom).write(chunk);
    }
    if (this.pending.length === 0) {
      const from = firstNonAscii(chunk);
      if (from < 0) return chunk.toString('latin1');
      this.pendingBytes = -from;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    return this.pendingBytes >= SNIFF_BYTES ? this.flushPending(false) : '';
  }

  end(): string {
    const rest = this.decoder ? '' : this.pending.length ? this.flushPending(true) : '';
    this.encoding ??= 'utf-8'; // nothing but ASCII: UTF-8 as much as anything
    return rest + (this.decoder?.end() ?? '');
  }

  private flushPending(complete: boolean): string {
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    const from = firstNonAscii(bytes);
    const head = bytes.subarray(0, from).toString('latin1');
    return head + this.decide(isUtf8(bytes.subarray(from), complete) ? 'utf-8' : 'gb18030').write(bytes.subarray(from));
  }

  private decide(encoding: string) {
    this.encoding = encoding;
    this.decoder = iconv.getDecoder(encoding);
    return this.decoder;
  }
}
