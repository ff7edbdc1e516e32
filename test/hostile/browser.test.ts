import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP, hostileText, typedAnswer } from '../../bench/lib/hostile-inputs.js';
import { createChatServer } from '../../bot/channels/http/server.js';
import { staffRoutes } from '../../bot/channels/staff/routes.js';
import { Conversations } from '../../bot/conversation.js';
import { browserAvailable, launchChromium } from '../helpers/browser.js';
import { testKnowledge } from '../helpers/knowledge.js';

const available = browserAvailable();
const STAFF_TOKEN = 'browser-staff-token-1';

/** Elements the page's own script creates; anything else in the log came from someone's text being parsed. */
const CHAT_TAGS = ['DIV', 'DETAILS', 'SUMMARY', 'BLOCKQUOTE', 'BUTTON'];
const STAFF_TAGS = ['LI', 'DIV', 'H3', 'H4', 'P', 'PRE', 'TEXTAREA', 'BUTTON'];

/** Tags of the elements `selector` matches that are not in `allowed`, and any element carrying an inline event handler. */
function injected(page: Page, selector: string, allowed: string[]): Promise<string[]> {
  // a string, not a function: it runs in the page, and this project is typed without the DOM
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].flatMap((e) => [
    ...(${JSON.stringify(allowed)}.includes(e.tagName) ? [] : [e.tagName]),
    ...e.getAttributeNames().filter((a) => a.toLowerCase().startsWith('on')).map((a) => e.tagName + '[' + a + ']'),
  ])`);
}

// surrogate halves cannot cross into the page intact, and the input field drops line breaks: keep what a person can type
const typeable = fc.oneof(hostileText, typedAnswer).map((t) => t.replace(/[\ud800-\udfff\r\n]/gu, '').trim().slice(0, 300)).filter((t) => t.length > 0);

describe.runIf(available)('hostile text in the browser', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let conversations: Conversations;
  beforeAll(async () => {
    conversations = new Conversations({ dataDir: mkdtempSync(join(tmpdir(), 'tongce-hostile-web-')), knowledge: testKnowledge(), today: () => '2026-11-22' });
    server = createChatServer({ conversations, ratePerSecond: 1000, routes: [staffRoutes({ conversations, token: STAFF_TOKEN })] });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('the web chat shows every message as text: no element injected, no dialog opened', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(url);
    await page.locator('.msg.bot').first().waitFor();
    const messages = [...MARKUP, ...fc.sample(typeable, 12)];
    for (const text of messages) {
      const before = await page.locator('.msg.bot').count();
      await page.getByLabel('消息').fill(text);
      await page.getByRole('button', { name: '发送' }).click();
      await page.locator('.msg.bot').nth(before).waitFor();
    }
    const shown = await page.locator('.msg.user').allTextContents();
    for (const m of MARKUP) expect(shown).toContain(m.trim());
    expect(await injected(page, '#log *', CHAT_TAGS)).toEqual([]);
    // the page's own scripts, and nothing else
    expect(await Promise.all((await page.locator('script').all()).map((s) => s.getAttribute('src')))).toEqual(['/verdict-card.js', '/app.js']);
    expect(dialogs).toBe(0);
    await page.close();
  }, 120_000);

  it('the staff desk shows a hostile handoff ticket as text', async () => {
    const question = `${MARKUP[1]}${MARKUP[0]}转人工`;
    conversations.handle('web', 'hostile-ticket-user', { text: question });
    conversations.handle('web', 'hostile-ticket-user', { action: 'human' });
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${url}/staff`);
    await page.getByLabel('工作人员令牌').fill(STAFF_TOKEN);
    await page.getByRole('button', { name: '刷新' }).click();
    await page.locator('#list li').first().click();
    await page.locator('#detail h3').waitFor();
    expect(await page.locator('#detail').textContent()).toContain(MARKUP[0]);
    expect(await injected(page, '#list *, #detail *', STAFF_TAGS)).toEqual([]);
    expect(dialogs).toBe(0);
    await page.close();
  }, 60_000);
});
