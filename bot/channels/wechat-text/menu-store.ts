import type Database from 'better-sqlite3';
import type { Citation } from '../../../knowledge/citation.js';
import type { Choice } from './render.js';

/** What the last message to a user offered: the choices a number or label presses, the citations "依据" quotes. */
export interface Menu {
  choices: Choice[];
  numbered: boolean;
  citations: Citation[];
}

/**
 * The plain-text channels' own table (plain_text_menus, made in bot/state/database.ts), beside the conversations:
 * a WeChat user cannot press a button, so the channel remembers what the last reply offered. A row belongs to its session and goes with it — "忘记我",
 * expiry — in the same statement that deletes the session.
 */
export class MenuStore {
  private readonly stmts;

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.stmts = {
      save: db.prepare('INSERT OR REPLACE INTO plain_text_menus (session_id, menu, updated_at) VALUES (?, ?, ?)'),
      get: db.prepare('SELECT menu FROM plain_text_menus WHERE session_id = ?'),
    };
  }

  save(sessionId: string, menu: Menu): void {
    this.stmts.save.run(sessionId, JSON.stringify(menu), this.now());
  }

  get(sessionId: string): Menu | undefined {
    const row = this.stmts.get.get(sessionId) as { menu: string } | undefined;
    return row ? (JSON.parse(row.menu) as Menu) : undefined;
  }
}
