import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/http.js';
import { testKnowledge } from '../helpers/knowledge.js';

const available = browserAvailable();

/**
 * The web page's own retry, against a reply lost on the way back (the server applied the message, then the
 * connection broke, as when the server is killed right after its commit): the page sends the same body again.
 */
describe.runIf(available)('the web page retries a message whose reply was lost', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(testKnowledge());
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Lets the `n`-th chat request reach the server, then breaks the connection before the page sees the reply. */
  async function loseReply(page: Page, n: number): Promise<void> {
    let seen = 0;
    await page.route('**/api/chat', async (route) => {
      if (++seen !== n) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
  }

  const sessions = () => {
    const db = new Database(join(server.dataDir, 'conversations.db'), { readonly: true });
    try {
      return db.prepare('SELECT id, turns FROM sessions').all() as Array<{ id: string; turns: number }>;
    } finally {
      db.close();
    }
  };

  it('mid-dialog: the retried message is applied once', async () => {
    const page = await browser.newPage();
    await loseReply(page, 2);
    const before = sessions().length;
    await page.goto(server.url());
    await page.locator('.msg.bot').first().waitFor();
    await page.getByRole('button', { name: '评估我能认定什么' }).first().click();
    await page.locator('[data-ask]').last().waitFor();
    const mine = sessions().slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.turns).toBe(2);
    await page.close();
  }, 60_000);

  // A messageId is scoped to its session: the page names its session before it first speaks, so even a retried
  // first message lands in one session and is applied once (found by the crash bench).
  it('first message: the retried message is applied once', async () => {
    const page = await browser.newPage();
    try {
      await loseReply(page, 1);
      const before = sessions().length;
      await page.goto(server.url());
      await page.locator('.msg.bot').first().waitFor();
      expect(sessions().slice(before)).toHaveLength(1);
    } finally {
      await page.close();
    }
  }, 60_000);
});
