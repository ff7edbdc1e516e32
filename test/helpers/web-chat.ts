import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startTestServer } from './http.js';
import { testKnowledge } from './knowledge.js';

/** The web chat served over its own data and a Chromium to open it: up before a describe block's tests, closed after. */
export function webChatInChromium(): { browser: Browser; server: Awaited<ReturnType<typeof startTestServer>> } {
  const chat = {} as ReturnType<typeof webChatInChromium>;
  beforeAll(async () => {
    chat.server = await startTestServer(testKnowledge());
    chat.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await chat.browser?.close();
    await chat.server?.close();
  });
  return chat;
}
