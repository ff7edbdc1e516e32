import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../helpers/browser.js';
import { webChatInChromium } from '../helpers/web-chat.js';

const available = browserAvailable();

describe.runIf(available)('web chat in Chromium', () => {
  const chat = webChatInChromium();

  it('completes an eligibility check by clicking and typing, and shows the citations', async () => {
    const page = await chat.browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(chat.server.url());
    await page.getByRole('button', { name: '评估我能认定什么' }).click();
    // the first question is the gate most enterprises fail
    await page.locator('[data-ask="attractedFromOutside"]').last().waitFor();
    // answer by typing, then by pressing the offered buttons
    await page.getByLabel('消息').fill('我们只想评估高企，2026年6月1日注册成立');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('button', { name: '对，就是这样' }).last().click();
    const verdict = page.locator('[data-verdict]').last();
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toContain('hnte:ineligible');
    const verdictText = await page.locator('.msg.bot').allTextContents();
    expect(verdictText.join('\n')).toContain('注册满一年：2027-06-01 起');
    // the card gives the reason and the day the time condition is met; its conditions open to their citations
    const card = page.locator('article.vcard[data-programme="hnte"]');
    expect(await card.locator('.vcard-reason').textContent()).toMatch(/^不满足（一）注册成立一年以上/);
    expect(await card.locator('.vcard-gaps').textContent()).toContain('2027-06-01');
    await card.locator('details.vcard-more > summary').click();
    // a citation opens to its verbatim quote and names its document
    const citation = card.locator('details.citation').first();
    await citation.locator('summary').click();
    expect(await citation.locator('summary').textContent()).toMatch(/《.+》/);
    expect((await citation.locator('blockquote').textContent())!.length).toBeGreaterThan(5);
    await page.screenshot({ path: 'docs/web-chat.png', fullPage: false });
    // a reload shows the conversation so far, the verdict included, instead of an empty page
    await page.reload();
    await page.locator('[data-verdict]').last().waitFor();
    expect(await page.locator('.msg.user').allTextContents()).toEqual(['评估我能认定什么', '我们只想评估高企，2026年6月1日注册成立', '对，就是这样']);
    expect(await page.locator('[data-verdict]').last().getAttribute('data-verdict')).toContain('hnte:ineligible');
    await page.close();
  }, 60_000);

  it('renders user input as text, never as markup', async () => {
    const page = await chat.browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await page.goto(chat.server.url());
    await page.locator('.msg.bot').first().waitFor();
    await page.getByLabel('消息').fill('<img src=x onerror=alert(1)><script>alert(2)</script>高企条件？');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('.msg.user').last().waitFor();
    expect(await page.locator('.msg.user').last().textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('.msg img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  }, 60_000);
});
