import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     channel TEXT NOT NULL,          -- web | telegram | terminal
     user_key TEXT NOT NULL,         -- who the session belongs to in its channel (web session id, Telegram chat id)
     state TEXT NOT NULL,            -- dialog state (JSON)
     facts TEXT NOT NULL,            -- enterprise facts collected so far (JSON, facts.md keys)
     turns INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions(channel, user_key);
   CREATE INDEX sessions_idle ON sessions(updated_at);
   CREATE TABLE transcripts (
     id INTEGER PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     turn INTEGER NOT NULL,
     role TEXT NOT NULL,             -- user | bot
     payload TEXT NOT NULL,          -- JSON
     at INTEGER NOT NULL
   );
   CREATE INDEX transcripts_session ON transcripts(session_id, turn);
   -- each incoming message (Telegram update_id, web messageId) is applied once; its reply is kept for replays
   CREATE TABLE processed (
     channel TEXT NOT NULL,
     message_key TEXT NOT NULL,
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     reply TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (channel, message_key)
   );`,
  `CREATE TABLE tickets (
     id INTEGER PRIMARY KEY,
     ref TEXT NOT NULL UNIQUE,        -- the reference number the user is given
     session_id TEXT,                 -- NULL once the user's session is forgotten or expired
     channel TEXT NOT NULL,
     user_key TEXT NOT NULL,
     status TEXT NOT NULL,            -- open | answered | closed
     reason TEXT NOT NULL,
     packet TEXT NOT NULL,            -- question, jurisdiction, facts, draft verdicts, transcript, suggested departments
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX tickets_status ON tickets(status, created_at);
   CREATE TABLE ticket_replies (
     id INTEGER PRIMARY KEY,
     ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     delivered_at INTEGER              -- NULL until the user's channel has it
   );
   CREATE INDEX replies_pending ON ticket_replies(delivered_at);`,
  // the plain-text channels (企业微信, 公众号); IF NOT EXISTS: a database from before this migration may have them
  `CREATE TABLE IF NOT EXISTS plain_text_inbox (   -- messages acknowledged whose answer is not sent yet
     channel TEXT NOT NULL,
     user_key TEXT NOT NULL,
     message_key TEXT NOT NULL,
     text TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     PRIMARY KEY (channel, user_key, message_key)
   );
   CREATE TABLE IF NOT EXISTS plain_text_menus (   -- what the last reply offered: a WeChat user cannot press a button
     session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
     menu TEXT NOT NULL,            -- choices, whether numbers press them, citations (JSON)
     updated_at INTEGER NOT NULL
   );`,
  // why the user's channel refused a staff reply for good (unfollowed, window closed); NULL otherwise
  `ALTER TABLE ticket_replies ADD COLUMN undeliverable TEXT;`,
];

/**
 * The conversation database: WAL, so readers never block the writer and a killed process loses no committed turn
 * (synchronous=NORMAL is durable against process crashes, which is what a restart mid-dialog is).
 */
export function openConversationDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = Number(db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
  return db;
}
