import { UsageError } from './io.js';

/**
 * The evaluation date conversations use: TONGCE_TODAY when set (a what-if date, and reproducible tests),
 * otherwise the real date, read at each turn.
 */
export function todayFrom(env: NodeJS.ProcessEnv): () => string {
  const fixed = env.TONGCE_TODAY;
  if (fixed !== undefined && fixed !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(fixed) || Number.isNaN(Date.parse(fixed))) throw new UsageError(`TONGCE_TODAY: expected YYYY-MM-DD, got “${fixed}”`);
    return () => fixed;
  }
  return () => new Date().toISOString().slice(0, 10);
}
