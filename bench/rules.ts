import { evaluate } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts/schema.js';
import { enterprise, rng } from './lib/enterprises.js';
import { round } from './lib/metrics.js';

export const AS_OF = '2026-11-22';

/** A partial profile: each fact kept with probability `share`, as a dialog sees an enterprise part-way through. */
function partial(full: Record<string, unknown>, share: number, random: () => number): Facts {
  return Object.fromEntries(Object.entries(full).filter(() => random() < share)) as Facts;
}

/** The bench's seeded profiles: every other one complete, the rest partial. */
export function benchProfiles(n: number): Facts[] {
  const random = rng(42);
  return Array.from({ length: n }, (_, i) => {
    const full = enterprise(random, AS_OF);
    return i % 2 === 0 ? (full as Facts) : partial(full, 0.2 + random() * 0.7, random);
  });
}

/** Evaluations per second of all three programmes (with benefits, parks, roadmap) on seeded random profiles. */
export async function runRulesBench(options: { profiles?: number } = {}): Promise<Record<string, number>> {
  const n = options.profiles ?? 20_000;
  const profiles = benchProfiles(n);
  for (const p of profiles.slice(0, 500)) evaluate(p, AS_OF);
  const first = timedPass(profiles);
  // the first pass also pays for optimising the rules (about half its CPU time goes to the compiler's threads);
  // a second pass over the same profiles is what a long-running server sees
  const warm = timedPass(profiles);
  return {
    profiles: n,
    evaluationsPerSecond: Math.round(n / first.seconds),
    userCpuMicrosPerEvaluation: round(first.user / n, 1),
    warmEvaluationsPerSecond: Math.round(n / warm.seconds),
    warmUserCpuMicrosPerEvaluation: round(warm.user / n, 1),
    decidedShare: round(first.decided / (3 * n), 3),
  };
}

function timedPass(profiles: readonly Facts[]): { seconds: number; user: number; decided: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let decided = 0;
  for (const p of profiles) decided += evaluate(p, AS_OF).programmes.filter((x) => x.outcome !== 'undetermined').length;
  const seconds = (performance.now() - started) / 1000;
  // user CPU time of the whole process (the JIT compiles on other threads meanwhile): less disturbed than wall
  // time when other work shares the machine
  const { user } = process.cpuUsage(cpu);
  return { seconds, user, decided };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runRulesBench(), null, 2));
}
