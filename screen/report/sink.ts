import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK = 1 << 16;

/**
 * Text written to a stream in large pieces, waiting whenever the stream is full: a report of any size goes out
 * in bounded memory, however slow the disk or the client reading it.
 */
export class TextSink {
  private buffered: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  async write(text: string): Promise<void> {
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  /** Bytes already encoded (a spooled part of the report), after whatever text is buffered. */
  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    await this.put(bytes);
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    await this.put(text);
  }

  private async put(data: string | Buffer): Promise<void> {
    // a stream that has failed (a full disk) would never drain: its error is the answer
    if (this.stream.errored) throw this.stream.errored;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }
}
