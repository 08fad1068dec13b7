// An edit that has been painted survives a crash: Chromium is started by hand on a profile of
// its own, the browser process is killed by its pid (SIGKILL) 50 ms after the change is
// painted, and the browser is started again on the same profile: the change is there, with
// exact offsets. For a tag, a note keystroke and an undo.
import { test, expect } from '@playwright/test';
import { freshProfile, killBrowser, removeProfile, startBrowser } from '../own-browser.mjs';

const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 8181)}/`;
const DEBUG_PORT = 9333;
const KILL_AFTER_PAINT_MS = 50;

test.describe.configure({ timeout: 90_000 });

/** Opens the app and waits until start-up has read the library. */
async function openApp(page) {
  await page.goto(BASE);
  await expect(page.locator('.ct-app[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
}

/** Runs `act` in the page and resolves once `done()` holds and the next frame is painted. */
function untilPainted(page, act, done) {
  return page.evaluate(([act, done]) => new Promise((resolve) => {
    const check = () => (0, eval)(done)();
    const finish = () => requestAnimationFrame(() => setTimeout(resolve, 0));
    const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); finish(); } });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    (0, eval)(act)();
    if (check()) { observer.disconnect(); finish(); }
  }), [act.toString(), done.toString()]);
}

/** The open document as the library stores it (IndexedDB), read in the page. */
function storedDocument(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('claimtag');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['settings', 'documents']);
      const id = tx.objectStore('settings').get('open_document');
      id.onsuccess = () => {
        const doc = tx.objectStore('documents').get(id.result);
        doc.onsuccess = () => resolve(JSON.parse(doc.result));
      };
    };
  }));
}

const saved = (page) => expect(page.locator('.ct-save', { hasText: 'Saved' })).toBeVisible({ timeout: 10_000 });

/** Crashes the browser 50 ms after the change `act` makes is painted, restarts it on the same
 * profile, and resolves with the page (the app ready) and the browser. */
async function crashAfter(session, profile, act, done) {
  await untilPainted(session.page, act, done);
  await new Promise((r) => setTimeout(r, KILL_AFTER_PAINT_MS));
  await killBrowser(session);
  const again = await startBrowser(profile, DEBUG_PORT);
  await openApp(again.page);
  return again;
}

test('a tag painted 50 ms before the browser is killed is there after a restart', async ({}, testInfo) => {
  const profile = freshProfile('claimtag-crash-tag');
  let session = await startBrowser(profile, DEBUG_PORT);
  try {
    await openApp(session.page);
    await saved(session.page);
    await session.page.keyboard.press('j');
    await expect(session.page.getByRole('list', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(0);
    session = await crashAfter(session, profile,
      () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', bubbles: true, cancelable: true })),
      () => document.querySelectorAll('[aria-label="Annotations"] li').length === 1);
    const list = session.page.getByRole('list', { name: 'Annotations' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(session.page.getByText('Restored your last changes')).toBeVisible();
    await saved(session.page);
    await session.page.screenshot({ path: testInfo.outputPath('restored-after-crash.png') });
    const stored = await storedDocument(session.page);
    expect(stored.annotations).toHaveLength(1);
    const [a] = stored.annotations;
    expect(a.label).toBe('FACT');
    const text = [...stored.text].slice(a.span.start, a.span.end).join('');
    await expect(list.getByRole('listitem').first()).toContainText(text.slice(0, 40));
    expect(text.length).toBeGreaterThan(20);
  } finally {
    await killBrowser(session).catch(() => {});
    await removeProfile(profile);
  }
});

test('a note keystroke and an undo painted 50 ms before the browser is killed survive it', async () => {
  const profile = freshProfile('claimtag-crash-note');
  let session = await startBrowser(profile, DEBUG_PORT);
  try {
    const page = session.page;
    await openApp(page);
    await page.keyboard.press('j');
    await page.keyboard.press('f');
    const note = page.getByRole('textbox', { name: 'Note' });
    await note.fill('Checked against the minutes');
    await saved(page);
    session = await crashAfter(session, profile,
      () => {
        const area = document.querySelector('textarea');
        area.value += '!';
        area.dispatchEvent(new InputEvent('input', { bubbles: true, data: '!', inputType: 'insertText' }));
      },
      () => [...document.querySelectorAll('[aria-label="Annotations"] li')].some((li) => li.textContent.includes('minutes!'))
        || document.querySelector('textarea')?.value.endsWith('!'));
    await saved(session.page);
    let stored = await storedDocument(session.page);
    expect(stored.annotations.map((a) => a.note)).toEqual(['Checked against the minutes!']);

    // Tag the next sentence, let it be saved, undo it: the undo is what survives the crash.
    const list = session.page.getByRole('list', { name: 'Annotations' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await session.page.keyboard.press('Escape');
    await session.page.keyboard.press('j');
    await session.page.keyboard.press('j');
    await session.page.keyboard.press('q');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await saved(session.page);
    session = await crashAfter(session, profile,
      () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true })),
      () => document.querySelectorAll('[aria-label="Annotations"] li').length === 1);
    await expect(session.page.getByRole('list', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);
    await saved(session.page);
    stored = await storedDocument(session.page);
    expect(stored.annotations.map((a) => a.note)).toEqual(['Checked against the minutes!']);
  } finally {
    await killBrowser(session).catch(() => {});
    await removeProfile(profile);
  }
});

test('two tabs tagging two documents when the browser is killed: both tags come back', async ({}, testInfo) => {
  const profile = freshProfile('claimtag-crash-two-tabs');
  let session = await startBrowser(profile, DEBUG_PORT);
  const tag = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', bubbles: true, cancelable: true }));
  const tagged = () => document.querySelectorAll('[aria-label="Annotations"] li').length === 1;
  try {
    // Tab A: a second document, loaded and saved.
    const a = session.page;
    await openApp(a);
    await saved(a);
    await a.getByRole('button', { name: 'Load article' }).click();
    const load = a.getByRole('dialog', { name: 'Load article' });
    await load.getByRole('textbox', { name: 'Article text' }).fill('Tram line opens\n\nThe tram opened on Monday with 14 stops. It cost 80 million.');
    await load.getByRole('button', { name: 'Use this text' }).click();
    await expect(a.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Tram line opens');
    await saved(a);
    await a.keyboard.press('j');
    // Tab B: the sample article, opened from the library.
    const b = await a.context().newPage();
    await openApp(b);
    await b.getByRole('button', { name: 'Library' }).click();
    await b.getByRole('dialog', { name: 'Library' }).locator('li[data-title^="Vellmark"]').getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('article').getByRole('heading', { level: 1 })).toContainText('Vellmark');
    await saved(b);
    await b.keyboard.press('j');
    // Both tag at once, and the browser is killed 50 ms after both are painted: neither is saved.
    await Promise.all([untilPainted(a, tag, tagged), untilPainted(b, tag, tagged)]);
    await new Promise((r) => setTimeout(r, KILL_AFTER_PAINT_MS));
    await killBrowser(session);

    session = await startBrowser(profile, DEBUG_PORT);
    const page = session.page;
    await openApp(page);
    const list = page.getByRole('list', { name: 'Annotations' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('Unsaved changes to 1 other document were kept as well')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('two-tabs-restored.png') });
    await saved(page);
    const first = (await storedDocument(page)).meta.title;
    // The other document, opened from the library, has its tag too — and keeps it once saved.
    await page.getByRole('button', { name: 'Library' }).click();
    const docs = page.getByRole('dialog', { name: 'Library' }).getByRole('list', { name: 'Documents' });
    const otherTitle = first.startsWith('Vellmark') ? 'Tram line opens' : 'Vellmark';
    await docs.locator(`li[data-title^="${otherTitle}"]`).getByRole('button', { name: 'Open' }).click();
    // The start-up document already showed one tag, a "Restored" remark and "Saved": wait for
    // the other document itself before looking at any of them.
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText(otherTitle);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('Restored your last changes')).toBeVisible();
    await saved(page);
    const stored = await storedDocument(page);
    expect(stored.meta.title).not.toBe(first);
    expect(stored.annotations).toHaveLength(1);
    const [x] = stored.annotations;
    expect(x.label).toBe('FACT');
    expect([...stored.text].slice(x.span.start, x.span.end).join('').length).toBeGreaterThan(10);
  } finally {
    await killBrowser(session).catch(() => {});
    await removeProfile(profile);
  }
});
