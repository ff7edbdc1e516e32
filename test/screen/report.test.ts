import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportFile } from '../../screen/report/write.js';
import { openScreening } from '../../screen/screening.js';
import { browserAvailable, launchChromium } from '../helpers/browser.js';
import { AS_OF, resolver } from './helpers.js';

const SAMPLE = 'screen/samples/enterprises.csv';

async function report(csv: Buffer, name: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'tongce-report-')), 'report.html');
  const screening = await openScreening({ bytes: csv }, { asOf: AS_OF, resolve: resolver(), sourceName: name, threads: 0 });
  await writeReportFile(screening, 'html', file);
  return file;
}

describe.runIf(browserAvailable())('the HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens offline with its three charts drawn, and makes the screenshot for the README', async () => {
    const file = await report(readFileSync(SAMPLE), 'enterprises.csv');
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
    await page.goto(pathToFileURL(file).href);
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(3);
    // outcomes: three programmes, three segments each
    expect(await charts.nth(0).locator('rect.bar').count()).toBe(9);
    // R&D: one point per enterprise with three years of figures, and the stepped threshold
    expect(await charts.nth(1).locator('circle.point').count()).toBe(12);
    expect(await charts.nth(1).locator('path.threshold').count()).toBe(1);
    // science staff: 21 bins and the 10% line
    expect(await charts.nth(2).locator('rect.bar').count()).toBe(21);
    expect(await charts.nth(2).locator('line.threshold').count()).toBe(1);
    const box = await charts.nth(1).boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(await page.locator('h2').allTextContents()).toEqual(['结论分布', '近门槛候选', '关键指标', '问题行', '列的对应', '逐家结果', '判断依据']);
    // a candidate's condition links to the clause it rests on
    const link = page.locator('a[href^="#c-hnte-"]').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    expect(await page.locator(`[id="${target}"] blockquote`).count()).toBeGreaterThan(0);
    expect(requests).toEqual([]);
    const bottom = await page.locator('figure').nth(2).boundingBox();
    await page.screenshot({ path: 'docs/screening-report.png', fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(bottom!.y + bottom!.height + 16) } });
    await context.close();
  }, 60_000);

  it('shows whatever the file holds as text: no markup, no script', async () => {
    const hostile = [
      '企业名称,职工总数,科技人员数,主要产品',
      '"<img src=x onerror=alert(1)>",120,15,"</td></tr></table><script>alert(2)</script>"',
      '"<svg onload=alert(3)>","<script>alert(5)</script>",1,"<a href=javascript:alert(4)>x</a>"',
    ].join('\n');
    const file = await report(Buffer.from(hostile), '<b>名单</b>.csv');
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    const table = page.locator('table.enterprises');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('h1 + p').textContent()).toContain('<b>名单</b>.csv');
    expect(await page.locator('main img, main script, table svg, a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('tr.invalid').textContent()).toContain('职工总数“<script>alert(5)</script>”：');
    expect(dialogs).toBe(0);
    await page.close();
  }, 60_000);
});
