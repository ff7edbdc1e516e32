const WIDTH = 24;

/** One line of a terminal progress bar: how far through the file, rows read and the rate so far. */
export function progressLine(p: { bytesRead: number; totalBytes: number | null; rows: number }, elapsedMs: number): string {
  const share = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const filled = Math.round(share * WIDTH);
  const rate = elapsedMs > 0 ? Math.round((p.rows / elapsedMs) * 1000) : 0;
  return `筛查 [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${p.rows.toLocaleString('en-US')} 行  ${rate.toLocaleString('en-US')} 行/秒`;
}
