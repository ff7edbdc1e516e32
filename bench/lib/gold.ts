import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A line of a questions gold set (format of ../shared/eval/public/questions.jsonl, extended). */
export const GoldQuestion = z.union([
  z.object({
    q: z.string(),
    expect: z.array(z.string()).min(1),
    doc: z.string().optional(),
    persona: z.string().optional(),
    jurisdiction: z.string().optional(),
  }),
  z.object({ q: z.string(), covered: z.literal(false), persona: z.string().optional(), jurisdiction: z.string().optional() }),
]);
export type GoldQuestion = z.infer<typeof GoldQuestion>;

export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
