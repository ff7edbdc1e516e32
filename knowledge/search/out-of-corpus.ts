import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

const OutOfCorpus = z.array(
  z.strictObject({
    area: z.string().min(1),
    words: z.array(z.string().min(2)).min(1),
    /**
     * When given, a word of the area names it only beside one of these: the texts say 缴纳社保 as a condition, but
     * never what social insurance costs or what subsidy it gets (社保 + 补贴).
     */
    with: z.array(z.string().min(2)).min(1).optional(),
  }),
);
export type OutOfCorpus = z.infer<typeof OutOfCorpus>;

/** knowledge/vocabulary/out-of-corpus.yaml: concepts of other policy areas that no text here treats. */
export const OUT_OF_CORPUS: OutOfCorpus = OutOfCorpus.parse(parse(readFileSync(join(projectRoot(), 'knowledge', 'vocabulary', 'out-of-corpus.yaml'), 'utf8')));

/** The out-of-corpus concepts a question names: about those the texts say nothing, whatever else it shares with them. */
export function outOfCorpusNamed(question: string): string[] {
  return OUT_OF_CORPUS.flatMap((a) => (!a.with || a.with.some((w) => question.includes(w)) ? a.words.filter((w) => question.includes(w)) : []));
}
