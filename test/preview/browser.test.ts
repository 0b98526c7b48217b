/**
 * `briefkit preview` in a real browser (Chromium from Debian, driven by puppeteer-core): the PDF
 * shows in pdf.js's text layer; a save reloads it in place, keeping the scroll position; broken
 * data shows the diagnostics overlay with file:line:col; a fix recovers.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../src/preview/index.js';
import type { Preview } from '../../src/preview/index.js';
import { targetKey } from '../../src/preview/project.js';
import { tempProject, TITLE } from './project.js';
import type { TempProject } from './project.js';

// The Debian package's binary (its /usr/bin/chromium is a shell wrapper around it).
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('test/preview/browser.test.ts: SKIPPED: Chromium is not installed (apt-get install chromium; scripts/setup.sh does it)');

const TIMEOUT = 90_000;
/** A cold first start (Chromium's caches, the first build's fonts) took over a minute on a loaded CI machine. */
const COLD = 180_000;

/** The little of the browser's globals the page functions below use (tsconfig has no DOM lib). */
interface El {
  readonly offsetTop: number;
  readonly offsetHeight: number;
  readonly textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
}
interface Win {
  readonly scrollY: number;
  scrollTo(x: number, y: number): void;
  readonly document: { querySelectorAll(s: string): ArrayLike<El> & Iterable<El>; readonly body: El; getElementById(id: string): El | null };
  marker?: string;
  pwned?: number;
}

/** The text of pdf.js's text layer, all pages. */
const layerText = (page: Page): Promise<string> => page.$$eval('.textLayer', (ls) => ls.map((l) => l.textContent ?? '').join('\n'));

/** Which page is at the top of the view and how far into it (the viewer's own measure). */
const position = (page: Page): Promise<{ page: number; offset: number }> => page.evaluate(() => {
  const w = globalThis as unknown as Win;
  const pages = [...w.document.querySelectorAll('.page')];
  const y = w.scrollY;
  const i = pages.findIndex((p) => p.offsetTop + p.offsetHeight > y);
  const p = pages[i];
  return { page: i, offset: p ? (y - p.offsetTop) / p.offsetHeight : -1 };
});

describe.skipIf(!CHROMIUM)('briefkit preview in Chromium', () => {
  let project: TempProject;
  let preview: Preview;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = tempProject();
    preview = await startPreview({ dir: project.dir, port: 0, debounceMs: 50 });
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto('about:blank');
  }, COLD);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    project?.remove();
  });

  it('lists the briefing and opens its PDF in the text layer', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(preview.url);
    const link = await page.$eval('a.open', (a) => ({ text: a.textContent, href: a.getAttribute('href') }));
    expect(link.text).toBe(TITLE);
    expect(link.href).toBe(`/view?t=${targetKey(project.file)}`);
    await page.click('a.open');
    await page.waitForSelector('body[data-version] .textLayer span', { timeout: COLD });
    expect(await layerText(page)).toContain('Republic of Korea');
    expect(await page.$$eval('.page', (ps) => ps.length)).toBeGreaterThan(1);
    expect(await page.$eval('#overlay', (o) => o.hasAttribute('hidden'))).toBe(true);
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
  }, COLD);

  it('reloads in place on save, keeping the page and offset in view', async () => {
    await page.evaluate(() => {
      const w = globalThis as unknown as Win;
      w.marker = 'same page';
      const second = w.document.querySelectorAll('.page')[1];
      if (second) w.scrollTo(0, second.offsetTop + second.offsetHeight * 0.4);
    });
    const before = await position(page);
    expect(before.page).toBe(1);
    const version = await page.$eval('body', (b) => b.dataset['version']);
    project.save(project.text.replace(`title: ${TITLE}`, `title: ${TITLE} Rewritten`));
    await page.waitForFunction((v) => (globalThis as unknown as Win).document.body.dataset['version'] !== v, { timeout: TIMEOUT }, version);
    expect(await layerText(page)).toContain('Rewritten');
    // No navigation: the window's own state survived.
    expect(await page.evaluate(() => (globalThis as unknown as Win).marker)).toBe('same page');
    const after = await position(page);
    expect(after.page).toBe(before.page);
    expect(Math.abs(after.offset - before.offset)).toBeLessThan(0.02);
  }, TIMEOUT);

  it('shows broken data as an overlay with file:line:col over the last good PDF, and recovers', async () => {
    const good = await page.$eval('body', (b) => b.dataset['pdf']);
    project.save(project.text.replace(`title: ${TITLE}`, 'title: [unclosed'));
    await page.waitForSelector('#overlay:not([hidden])', { timeout: TIMEOUT });
    const text = await page.$eval('#overlay', (o) => o.textContent ?? '');
    expect(text).toMatch(/canada-korea-1995\.yaml:\d+:\d+/);
    expect(await page.$eval('body', (b) => b.dataset['pdf'])).toBe(good);
    expect(await layerText(page)).toContain('Rewritten');

    // Hostile data: the diagnostics quote it, and it must stay text.
    const hostile = '"<img src=x onerror=window.pwned=1>": 1';
    project.save(`${project.text}\n${hostile}\n`);
    await page.waitForFunction(() => (globalThis as unknown as Win).document.getElementById('overlay')?.textContent?.includes('<img'), { timeout: TIMEOUT });
    expect(await page.$$eval('#overlay img', (imgs) => imgs.length)).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as Win).pwned)).toBeUndefined();

    project.save(project.text.replace(`title: ${TITLE}`, `title: ${TITLE} Recovered`));
    await page.waitForSelector('#overlay[hidden]', { timeout: TIMEOUT });
    await page.waitForFunction(() => [...(globalThis as unknown as Win).document.querySelectorAll('.textLayer')].some((l) => l.textContent?.includes('Recovered')), { timeout: TIMEOUT });
  }, TIMEOUT);

  it('shows the slide deck', async () => {
    await page.goto(`${preview.url}view?t=${targetKey(project.file)}&deck=1`);
    await page.waitForSelector('body[data-version] .textLayer span', { timeout: TIMEOUT });
    expect(await page.$eval('body', (b) => b.dataset['pdf'])).toContain('deck=1');
    expect(await layerText(page)).toContain('Recovered');
    const size = await page.$eval('.page', (p) => ({ w: p.clientWidth, h: p.clientHeight }));
    expect(size.w / size.h).toBeCloseTo(16 / 9, 1);
  }, TIMEOUT);
});
