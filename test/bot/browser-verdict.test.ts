import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../helpers/browser.js';
import { webChatInChromium } from '../helpers/web-chat.js';

const available = browserAvailable();

/** docs/samples/haimen-manufacturer.json, and a name that tries to become markup. */
const SAMPLE = {
  ...(JSON.parse(readFileSync('docs/samples/haimen-manufacturer.json', 'utf8')) as Record<string, unknown>),
  name: '海门精机<img src=x onerror=alert(1)><script>alert(2)</script>',
};
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe.runIf(available)('verdict cards and the report in Chromium', () => {
  const chat = webChatInChromium();

  /** A session already holding the sample's facts; the check then asks what is left, and every answer is 不知道. */
  async function verdictPage(viewport: { width: number; height: number }, sessionId: string, facts: Record<string, unknown> = SAMPLE): Promise<{ page: Page; alerts: string[] }> {
    const store = chat.server.conversations().store;
    store.forUser('web', sessionId, sessionId);
    store.turn(sessionId, null, (s) => ({ state: s.state, facts, reply: [], userEntry: {} }));
    const page = await chat.browser.newPage({ viewport, acceptDownloads: true });
    const alerts: string[] = [];
    page.on('dialog', (d) => { alerts.push(d.message()); void d.dismiss(); });
    await page.addInitScript({ content: `localStorage.setItem('tongce.sessionId', ${JSON.stringify(sessionId)})` });
    await page.goto(chat.server.url());
    await page.getByRole('button', { name: '评估我能认定什么' }).click();
    for (let i = 0; i < 60 && (await page.locator('section.verdict').count()) === 0; i++) {
      const ask = page.locator('[data-ask]').nth(i);
      await Promise.race([ask.waitFor(), page.locator('section.verdict').waitFor()]);
      if (await page.locator('section.verdict').count()) break;
      await ask.getByRole('button', { name: '不知道' }).click();
    }
    await page.locator('section.verdict').waitFor();
    return { page, alerts };
  }

  it('on a phone, the summary of every programme fits one screen, drawn without emoji', async () => {
    const { page } = await verdictPage(PHONE, 'verdict-phone-0001');
    const section = page.locator('section.verdict').last();
    expect(await section.getAttribute('data-verdict')).toBe('kechuang-project-2023:ineligible hnte:ineligible tech-sme:undetermined');
    expect(await section.locator('article.vcard').count()).toBe(3);
    // the per-programme texts the cards stand for are not repeated above them
    expect(await page.locator('.msg.bot', { hasText: '【高新技术企业认定】' }).count()).toBe(0);
    await page.evaluate("document.querySelector('section.verdict').scrollIntoView({ block: 'start' })");
    const box = (await section.boundingBox())!;
    const header = (await page.locator('header').boundingBox())!;
    const composer = (await page.locator('#composer').boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(PHONE.height - header.height - composer.height);
    // icons are SVG the page draws; no emoji that a phone without the font would show as boxes
    expect(await section.locator('article.vcard .vcard-head svg.icon').count()).toBe(3);
    expect(await section.textContent()).not.toMatch(/[✅❌❓✓✗]/u);
    await page.screenshot({ path: 'docs/web-verdict-phone.png' });
    await page.close();
  }, 120_000);

  it('a card gives the reason first and every gap with its amount; 展开全部 holds every condition', async () => {
    const { page, alerts } = await verdictPage(PHONE, 'verdict-fold-0001');
    const hnte = page.locator('article.vcard[data-programme="hnte"]');
    expect(await hnte.locator('.vcard-reason').textContent()).toMatch(/^不满足（四）科技人员.*；（五）近三个会计年度研究开发费用/);
    // decided early by (四), the card still lists the other unmet condition, each with what it takes
    const gaps = await hnte.locator('.vcard-gaps li').allTextContents();
    expect(gaps.join('\n')).toContain('还差 5 名科技人员');
    expect(gaps.join('\n')).toMatch(/（五）.*研发费用需达到/);
    const tsme = page.locator('article.vcard[data-programme="tech-sme"]');
    expect(await tsme.locator('.vcard-tell').textContent()).toMatch(/^您还可以告诉我：/);
    // folded: nothing of the conditions shows until asked for, and then all of them, (六) and (八) included
    const more = hnte.locator('details.vcard-more');
    expect(await more.locator('li.cond').first().isVisible()).toBe(false);
    await more.locator('> summary').click();
    const shown = await Promise.all((await more.locator('li.cond').all()).map((li) => li.getAttribute('data-condition')));
    expect(shown).toHaveLength(10);
    expect(shown).toEqual(expect.arrayContaining(['hnte-0-resident', 'hnte-6-high-tech-income', 'hnte-8-no-major-incident']));
    expect(await more.locator('li.cond[data-condition="hnte-4-science-staff"] details.citation').count()).toBeGreaterThan(0);
    expect(await more.locator('h4').allTextContents()).toEqual(['决定结论的条件', '其余条件']);
    expect(alerts).toEqual([]);
    await page.close();
  }, 120_000);

  it('保存报告 downloads a self-contained page where the user’s text stays text', async () => {
    const { page, alerts } = await verdictPage(PHONE, 'verdict-save-0001');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '保存报告' }).click()]);
    expect(download.suggestedFilename()).toBe('tongce-report-2026-11-22.html');
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('企业认定评估报告');
    for (const title of ['南通市科创项目认定', '高新技术企业认定', '科技型中小企业评价']) expect(html).toContain(title);
    expect(html).toContain('海门精机&#60;img src=x onerror=alert(1)&#62;&#60;script&#62;');
    expect(html).not.toMatch(/<script|<img|<link|src="http|href="http/u);
    // opened, it shows the name as typed and runs nothing
    const report = await chat.browser.newPage({ viewport: { width: 900, height: 1200 } });
    report.on('dialog', (d) => { alerts.push(d.message()); void d.dismiss(); });
    await report.setContent(html);
    expect(await report.locator('table.facts').textContent()).toContain('<script>alert(2)</script>');
    expect(await report.locator('ol.references li').count()).toBeGreaterThan(10);
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(alerts).toEqual([]);
    await report.close();
    await page.close();
  }, 120_000);

  /**
   * After `start`, answers each question as it comes, typing the value `answers` gives for its fact and pressing
   * 不知道 for any other, until a new verdict shows; the questions asked, in order.
   */
  async function answerUntilVerdict(page: Page, start: () => Promise<void>, answers: Record<string, string>): Promise<string[]> {
    const verdicts = await page.locator('section.verdict').count();
    const asks = await page.locator('[data-ask]').count();
    const asked: string[] = [];
    await start();
    for (let i = asks; i < asks + 60; i++) {
      const ask = page.locator('[data-ask]').nth(i);
      await Promise.race([ask.waitFor(), page.locator('section.verdict').nth(verdicts).waitFor()]);
      if ((await page.locator('section.verdict').count()) > verdicts) return asked;
      const fact = (await ask.getAttribute('data-ask'))!;
      asked.push(fact);
      // the page takes the next answer once the reply is shown in full
      await page.locator('#send:enabled').waitFor();
      if (answers[fact] === undefined) await ask.getByRole('button', { name: '不知道' }).click();
      else {
        await page.getByLabel('消息').fill(answers[fact]!);
        await page.getByLabel('消息').press('Enter');
      }
    }
    throw new Error(`no verdict after ${asked.length} questions`);
  }

  it('decided early, a card lists every unmet condition and offers to check the rest; taken, it asks just that and lists every gap', async () => {
    // issue 14's 海门 manufacturer as an owner first tells it: 300 staff, 25 in R&D, revenue 2亿 and R&D 400万 in 2025
    const told = { region: '海门区', registrationDate: '2015-03-01', industryType: 'manufacturing', employees: 300, scienceStaff: 25, salesRevenueByYear: { 2025: 20000 }, rdExpenseByYear: { 2025: 400 } };
    const { page, alerts } = await verdictPage(PHONE, 'verdict-gaps-0001', told);
    const hnte = page.locator('section.verdict').last().locator('article.vcard[data-programme="hnte"]');
    expect(await hnte.getAttribute('data-outcome')).toBe('ineligible');
    /** every condition the card holds as unmet has its number among the gaps shown (the reason names it too) */
    const expectEveryUnmetListed = async (gaps: string) => {
      const more = hnte.locator('details.vcard-more');
      const unmet = await more.locator('li.cond.unmet .cond-number').allTextContents();
      expect(unmet.length).toBeGreaterThan(0);
      for (const n of unmet) expect(gaps, `${n} among the gaps`).toContain(n);
    };
    let gaps = (await hnte.locator('.vcard-gaps li').allTextContents()).join('\n');
    expect(gaps).toContain('（四） 还差 5 名科技人员');
    // decided by (四), yet (五) is named: open, and already at risk on the one year known
    expect(gaps).toContain('（五） 有风险：已知的2025年研发费用占比 2.0%，低于4%');
    await expectEveryUnmetListed(gaps);
    const offer = hnte.locator('.vcard-offer');
    expect(await offer.textContent()).toMatch(/2023年销售收入.*要不要继续核对其他条件？/u);
    // the card carries the offer: it is not repeated as a message of its own
    expect(await page.locator('.msg.bot:not(.verdict)', { hasText: '要不要继续核对其他条件' }).count()).toBe(0);
    // the fold names them all
    await hnte.locator('details.vcard-more > summary').click();
    expect(await hnte.locator('details.vcard-more .vcard-note', { hasText: '其余条件还需核实：' }).textContent()).toContain('2024年研究开发费用');
    await hnte.locator('details.vcard-more > summary').click();
    await hnte.scrollIntoViewIfNeeded();
    await hnte.screenshot({ path: 'docs/web-verdict-every-gap.png' });

    const asked = await answerUntilVerdict(page, () => offer.getByRole('button', { name: '继续核对高新技术企业其他条件' }).click(), {
      'salesRevenueByYear.2023': '17500万', 'salesRevenueByYear.2024': '18800万', 'rdExpenseByYear.2023': '360万', 'rdExpenseByYear.2024': '380万',
    });
    // only what the other conditions of 高企 lack: the two years' figures among them, nothing asked before again
    expect(asked).toEqual(expect.arrayContaining(['salesRevenueByYear.2023', 'salesRevenueByYear.2024', 'rdExpenseByYear.2023', 'rdExpenseByYear.2024']));
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).not.toContain('employees');
    gaps = (await hnte.locator('.vcard-gaps li').allTextContents()).join('\n');
    expect(gaps).toContain('（四） 还差 5 名科技人员');
    expect(gaps).toMatch(/（五） 2023–2025年已结束，无法再补；下次申请按2024–2026年计算/u);
    await expectEveryUnmetListed(gaps);
    expect(await hnte.locator('.vcard-offer').count()).toBe(0);
    expect(alerts).toEqual([]);
    await page.close();
  }, 180_000);

  it('on a desktop, the cards sit side by side', async () => {
    const { page } = await verdictPage(DESKTOP, 'verdict-desk-0001');
    const tops = await Promise.all((await page.locator('article.vcard').all()).map(async (c) => Math.round((await c.boundingBox())!.y)));
    expect(new Set(tops).size).toBe(1);
    await page.evaluate("document.querySelector('section.verdict').scrollIntoView({ block: 'center' })");
    await page.screenshot({ path: 'docs/web-verdict-desktop.png' });
    await page.close();
  }, 120_000);
});
