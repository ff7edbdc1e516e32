import { describe, expect, it } from 'vitest';
import { runLoadBench, type LevelResult } from '../../bench/load.js';

describe('load smoke', () => {
  it('20 simulated users complete dialogs against tongce serve in its own process, without an error', async () => {
    const r = await runLoadBench({ levels: [{ sessions: 20, thinkMs: 0 }], durationMs: 4_000 });
    const [level] = r.levels as LevelResult[];
    expect(level!.errorKinds).toEqual({});
    expect(level!.serverInternalErrors).toBe(0);
    expect(level!.dialogsCompleted).toBeGreaterThan(0);
    expect(level!.latencyMs.p50).toBeGreaterThan(0);
  }, 60_000);
});
