// Page object for claimtag: the locators and gestures the flows share.
import fs from 'node:fs';
import { expect } from '@playwright/test';

export class AppPage {
  constructor(page) {
    this.page = page;
    this.article = page.getByRole('article');
    this.headline = this.article.getByRole('heading', { level: 1 });
    this.annotations = page.getByRole('list', { name: 'Annotations' });
    this.exportButton = page.getByRole('button', { name: 'Export JSON' });
  }

  async open() {
    this.errors = [];
    // What the Content-Security-Policy blocked (say, an onerror attribute in a pasted page that
    // the browser's HTML parser tried to run): kept apart from the app's own errors.
    this.blocked = [];
    this.page.on('pageerror', (e) => this.errors.push(String(e)));
    this.page.on('console', (m) => {
      if (m.type() !== 'error') return;
      (m.text().includes('Content Security Policy') ? this.blocked : this.errors).push(m.text());
    });
    await this.page.goto('/');
    await this.ready();
  }

  /** Waits until start-up has read the library: from then on keys and edits stick. */
  async ready() {
    await expect(this.page.locator('.ct-app[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
    await expect(this.headline).toBeVisible();
  }

  labelButton(name) {
    return this.page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name, exact: true });
  }

  paragraph(containing) {
    return this.article.locator('p', { hasText: containing });
  }

  /** Drags the real mouse from the first character of `from` to the last character of `to`, both inside `paragraph`. */
  async dragSelect(paragraph, from, to) {
    await this.dragAcross(paragraph, from, paragraph, to);
  }

  /** Drags the real mouse from the first character of `from` in `startParagraph` to the last character of `to` in `endParagraph`. */
  async dragAcross(startParagraph, from, endParagraph, to) {
    await startParagraph.evaluate((p) => p.scrollIntoView({ block: 'center' }));
    // Paragraphs far off screen are skipped by the browser (content-visibility) and get their
    // real height when they come into view: let the layout settle before taking coordinates.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await startParagraph.evaluate((p) => p.scrollIntoView({ block: 'center' }));
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const first = await charBox(startParagraph, from, 0);
    const last = await charBox(endParagraph, to, to.length - 1);
    await this.page.mouse.move(first.x + 1, first.y + first.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(last.x + last.width - 1, last.y + last.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Presses Export JSON and returns the parsed file, saved as `name` in the test's output. */
  async exportNative(testInfo, name) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const path = testInfo.outputPath(name);
    await download.saveAs(path);
    return { download, data: JSON.parse(fs.readFileSync(path, 'utf8')) };
  }

  async selectedText() {
    return this.page.evaluate(() => window.getSelection().toString());
  }
}

/** Every annotation's text must be the code points start..end of the exported text. */
export function expectExactOffsets(data) {
  const codePoints = [...data.document.text];
  for (const a of data.annotations) {
    expect(codePoints.slice(a.start, a.end).join('')).toBe(a.text);
    expect(data.document.text.slice(a.utf16_start, a.utf16_end)).toBe(a.text);
  }
}

/** The viewport box of character `index` of the first occurrence of `text` in `paragraph`. */
function charBox(paragraph, text, index) {
  return paragraph.evaluate((p, [text, index]) => {
    const offset = p.textContent.indexOf(text) + index;
    if (offset < index) throw new Error(`"${text}" not in paragraph`);
    let seen = 0;
    for (const run of p.querySelectorAll('.ct-run')) {
      const node = run.firstChild;
      if (offset < seen + node.length) {
        const range = document.createRange();
        range.setStart(node, offset - seen);
        range.setEnd(node, offset - seen + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      seen += node.length;
    }
    throw new Error(`offset ${offset} not in paragraph`);
  }, [text, index]);
}
