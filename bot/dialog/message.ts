import type { Citation } from '../../knowledge/citation.js';
import type { AskKind } from '../../rules/facts/catalog.js';
import type { EvaluationJson } from '../../rules/present/evaluation-json.js';

export interface Button {
  label: string;
  action: string;
}

/** A message that asks for a fact says which, so any client (or a scripted test user) can answer it. */
export interface AskSpec {
  fact: string;
  kind: AskKind;
  unit?: string;
  choices?: string[];
}

/** A bot message (contracts.md, HTTP API). */
export interface Message {
  text: string;
  buttons?: Button[];
  citations?: Citation[];
  ask?: AskSpec;
  /** present on a message that gives a verdict: the evaluation it rests on */
  evaluation?: EvaluationJson;
  /** present on a message that answers a lookup: who worded it (contracts.md, as in `tongce ask --json`) */
  source?: 'extractive' | 'model';
}

/** What a user sends: typed text, or the action of a button they pressed. */
export interface Input {
  text?: string;
  action?: string;
}
