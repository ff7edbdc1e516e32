/**
 * The numbers retrieval ranks by, in one place so that the bench can sweep them (bench/retrieval.ts) and a change to
 * one is a change to one line. The values are the ones the gold set was tuned on: changing any of them moves the
 * retrieval figures, so measure before and after.
 */
export interface RankingWeights {
  /** reciprocal-rank fusion constant: a list's rank r adds weight / (rrfK + r + 1) */
  rrfK: number;
  /** how many candidates each full-text list contributes */
  candidates: number;
  /** how much each candidate list counts in the fusion */
  lists: {
    /** a clause the question addresses by 文号, attachment or article: near-certain */
    address: number;
    /** a table row whose cells answer the question (knowledge/records) */
    record: number;
    /** the question's own content words */
    tokens: number;
    /** synonyms and expansions of those words: weaker evidence than the words themselves */
    synonyms: number;
    /** the names of the programmes and bodies the question mentions */
    names: number;
    /** character trigrams, for words the segmenter cuts wrongly */
    trigrams: number;
  };
  /** a question word that only frames the answer (多少, 什么时候) weighs this share of a content word */
  answerFrame: number;
  /** score ×= (coverageFloor + coverage) ** coverageExponent: how much of the question a clause holds decides */
  coverageFloor: number;
  coverageExponent: number;
  /** a bare heading names a topic; the clauses under it answer */
  bareHeading: number;
  /** a roster line for a question about who holds a post */
  rosterForWho: number;
  /** the roster line of the post a question names (组长, not the 副组长 line that also holds the word) */
  postNamed: number;
  /** a clause stating the kind of figure asked for (多少家, 补助多少钱) */
  givesAnswerKind: number;
  /** a clause stating a month or a day for a question asking when (几月份前, 什么时候建成): weaker, as dates are many */
  givesDate: number;
  /** a sentence giving an office the charge (市科技局负责统筹…) for a question asking who leads (哪个部门牵头) */
  namesResponsible: number;
  /** a scoring scheme's line for the item a points question names (knowledge/search/score-item.ts) */
  scoreItemNamed: number;
  /** a band line whose tier holds the value a question gives (28% in 25%(含)-30%; 营收1.5亿 in 5,000万元至2亿元) */
  valueInBand: number;
  /** a clause stating the very rate the asker proposes to check (是百分之二十五吧 → 税率为25％) */
  statesRateProposed: number;
  /** the least share of an item's name a points question must name for its line to count as named */
  itemNamedShare: number;
  /** the same for a band line holding the value given (its item's name and its own words) */
  bandNamedShare: number;
  /** the clause sorting things into classes (…按Ⅱ类评价) for a question asking which class (是一类还是二类) */
  sortsIntoClasses: number;
  /** how much of a question the introduction of a list must hold itself to answer for its items (须同时满足以下条件) */
  listNamesQuestion: number;
  /** a clause naming the numbered set a question asks the members of and listing them (“四有型”, 五级梯次) */
  listsNumberedSet: number;
  /** a clause of the place the question names */
  samePlace: number;
  /** another county's clause when the question names a place */
  otherCounty: number;
  /** a county's clause when the question names no place: it asks for the general rule */
  localWithoutPlace: number;
}

export const RANKING_WEIGHTS: Readonly<RankingWeights> = {
  rrfK: 60,
  candidates: 50,
  lists: { address: 10, record: 10, tokens: 1, synonyms: 0.5, names: 1, trigrams: 1 },
  answerFrame: 0.15,
  coverageFloor: 0.2,
  coverageExponent: 2,
  bareHeading: 0.5,
  rosterForWho: 2,
  postNamed: 1.5,
  givesAnswerKind: 1.5,
  givesDate: 1.3,
  namesResponsible: 2,
  scoreItemNamed: 2,
  valueInBand: 4,
  statesRateProposed: 2,
  itemNamedShare: 0.75,
  bandNamedShare: 0.5,
  sortsIntoClasses: 2.5,
  listNamesQuestion: 0.9,
  listsNumberedSet: 2,
  samePlace: 1.5,
  otherCounty: 0.7,
  localWithoutPlace: 0.8,
};
