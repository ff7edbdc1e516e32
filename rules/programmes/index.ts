import { HNTE_PROGRAMMES } from './hnte.js';
import { KECHUANG_PROJECTS } from './kechuang-project-2023.js';
import { registryOf, type ProgrammeEntry, type ProgrammeRegistry } from './registry.js';
import { TECH_SME_PROGRAMMES } from './tech-sme.js';

export type { ProgrammeEntry, ProgrammeRegistry } from './registry.js';

/**
 * Every programme Tongce judges, in the order it reports them (contracts.md: the ids and their order are part of
 * the output). A new programme is its own files under rules/ and one entry here; see CONTRIBUTING.md.
 */
export const PROGRAMMES = [
  {
    id: 'kechuang-project-2023',
    name: { zh: '南通市科创项目', en: 'Nantong 科创项目' },
    shortTitle: '科创项目',
    words: /科创项目/u,
    editions: KECHUANG_PROJECTS,
    typicalQuestions: 3,
  },
  {
    id: 'hnte',
    name: { zh: '高新技术企业', en: '高新技术企业 (HNTE)' },
    shortTitle: '高企',
    words: /高企|高新技术企业|高新企业|高新技[术朮]|评个高新|gaoqi|high.?tech|hnte/iu,
    editions: HNTE_PROGRAMMES,
    typicalQuestions: 11,
  },
  {
    id: 'tech-sme',
    name: { zh: '科技型中小企业', en: '科技型中小企业 (tech SME)' },
    shortTitle: '科小',
    words: /科小|科技型中小|tech.?sme/iu,
    editions: TECH_SME_PROGRAMMES,
    typicalQuestions: 6,
  },
] as const satisfies readonly ProgrammeEntry[];

/** The id of a programme of the production registry: the type advice code names a particular programme by. */
export type ProgrammeId = (typeof PROGRAMMES)[number]['id'];

/** The production registry: what every caller gets unless it is handed another. */
export const REGISTRY: ProgrammeRegistry = registryOf(PROGRAMMES);

/**
 * The production programmes and then these: a new registry for one caller (a test's fixture programme, handed to
 * evaluate, the dialog or screening), leaving REGISTRY untouched. Every production programme stays in, so advice
 * that reads a particular one (benefits, the roadmap) still finds it.
 */
export function withProgrammes(...more: readonly ProgrammeEntry[]): ProgrammeRegistry {
  return registryOf([...PROGRAMMES, ...more]);
}
