import type { Programme } from '../engine/programme.js';
import type { IsoDate } from '../logic/dates.js';
import { editionAt, type Edition } from '../logic/editions.js';

/**
 * What Tongce knows about one programme beyond its rules: how people name it, and which edition of its text
 * applies when. Everything that lists programmes (the evaluation, the dialog, the Telegram menu, the screening
 * report) reads these entries, so a programme is added in one place.
 */
export interface ProgrammeEntry {
  /** the id the evaluation JSON reports (contracts.md); also the `check:<id>` button */
  readonly id: string;
  /** its name in a sentence ("我来评估南通市科创项目、高新技术企业"); English for the English welcome */
  readonly name: { readonly zh: string; readonly en: string };
  /** short enough for a menu or a table heading: 高企, 科小 */
  readonly shortTitle: string;
  /** the words users call it by; a message matching them asks about this programme */
  readonly words: RegExp;
  /** the programme as each edition of its text defines it, oldest first (see editionAt) */
  readonly editions: readonly Edition<Programme<unknown>>[];
  /**
   * how many questions a check of this programme alone typically takes: the typing owner's mean in
   * `npm run bench` (bench/results.md), rounded up; the progress line says this rather than the maximum
   */
  readonly typicalQuestions: number;
}

/** The programmes of one run, in the order they are judged and reported, with what every reader needs of them. */
export interface ProgrammeRegistry {
  readonly entries: readonly ProgrammeEntry[];
  readonly ids: readonly string[];
  byId(id: string): ProgrammeEntry | undefined;
  /** the programme as the edition in force on `asOf` defines it */
  programmeAt(entry: ProgrammeEntry, asOf: IsoDate): Programme<unknown>;
  /** the programmes a message names, in registry order; empty when it names none */
  namedIn(text: string): string[];
}

/**
 * A registry of these entries. Refuses two entries with one id (every lookup by id would be ambiguous), an entry
 * without an edition, and an edition whose programme reports another id than its entry (the evaluation would report a programme the
 * registry does not know).
 */
export function registryOf(entries: readonly ProgrammeEntry[]): ProgrammeRegistry {
  const byId = new Map(entries.map((e) => [e.id, e]));
  if (byId.size !== entries.length) throw new Error(`programme registry: an id is listed twice (${entries.map((e) => e.id).join(', ')})`);
  for (const e of entries) {
    if (e.editions.length === 0) throw new Error(`programme registry: ${e.id} has no edition`);
    const other = e.editions.find((edition) => edition.values.id !== e.id);
    if (other) throw new Error(`programme registry: ${e.id}'s edition of ${other.since} is the programme ${other.values.id}`);
  }
  return {
    entries,
    ids: entries.map((e) => e.id),
    byId: (id) => byId.get(id),
    // most programmes have one edition: no date to look up on every evaluation
    programmeAt: (entry, asOf) => (entry.editions.length === 1 ? entry.editions[0]!.values : editionAt(entry.editions, asOf).values),
    namedIn: (text) => entries.filter((e) => e.words.test(text)).map((e) => e.id),
  };
}
