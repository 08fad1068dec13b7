// A team on one corpus, through a real CouchDB-compatible server (pouchdb-server on 127.0.0.1,
// see ../couch.mjs): two browser contexts as two annotators connect; alice adds three
// documents and annotates; bob sees them and annotates one; alice's agreement view shows both
// layers; the server goes away, both keep working, it comes back and everything converges; a
// forced conflict on alice's layer is shown with both versions and resolved without loss; a
// reload resumes from the checkpoint without downloading the documents again; an ended session
// asks for the password once more; alice assigns the documents and bob's Next to do walks his.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppPage } from './app-page.mjs';
import { COUCH, couch, startCouch, stopCouch } from '../couch.mjs';

const DB = `desk-${Date.now()}`;
const URL_DB = `${COUCH}/${DB}`;
const TEXTS = [
  'Dam opens 🌊\n\nThe dam opened on Monday, officials said. “It is safe for 𠀋 families,” the mayor said.',
  'Port expands\n\nThe port will add three berths by 2028. Critics alleged the tender was rigged.',
  'Tram returns 🚋\n\nThe tram returned after two years. “This is the best day for the city,” the director said.',
];

/** The code point span of `part` in `text` (its first occurrence). */
function spanOf(text, part) {
  const at = text.indexOf(part);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...part].length };
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  await startCouch();
  for (const name of ['alice', 'bob', 'carol']) {
    const user = await couch(`/_users/org.couchdb.user:${name}`, {
      method: 'PUT', body: { name, password: `${name}-pw`, roles: [], type: 'user' },
    });
    expect([201, 409]).toContain(user.status);
  }
  expect((await couch(`/${DB}`, { method: 'PUT' })).status).toBe(201);
  const security = await couch(`/${DB}/_security`, {
    method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: ['alice', 'bob'], roles: [] } },
  });
  expect(security.status).toBeLessThan(300);
});

async function annotator(browser, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('.ct-save')).toHaveText('Saved');
  return { context, page, app, name };
}

const indicator = (page) => page.locator('.ct-team');

async function connect({ page, name }, password = `${name}-pw`) {
  await indicator(page).click();
  const dialog = page.getByRole('dialog', { name: 'Team database' });
  await dialog.getByRole('textbox', { name: 'Database URL' }).fill(URL_DB);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  return dialog;
}

async function closeDialog(page) {
  await page.getByRole('dialog', { name: 'Team database' }).getByRole('button', { name: 'Close' }).click();
}

async function addText(page, text) {
  await page.getByRole('button', { name: 'Load article' }).click();
  const load = page.getByRole('dialog', { name: 'Load article' });
  await load.getByRole('textbox', { name: 'Article text' }).fill(text);
  await load.getByRole('button', { name: 'Use this text' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.split('\n')[0]);
}

async function mark(app, paragraphText, from, to, key) {
  await app.dragSelect(app.paragraph(paragraphText), from, to);
  await app.page.keyboard.press(key);
  await expect(app.page.locator('.ct-save')).toHaveText('Saved');
}

async function openFromLibrary(page, title) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  const row = library.locator(`.ct-corpus__row[data-title="${title}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

async function libraryRow(page, title) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  return { library, row: library.locator(`.ct-corpus__row[data-title="${title}"]`) };
}

test('two annotators share a corpus through CouchDB, offline and back, with a conflict resolved', async ({ browser }, testInfo) => {
  const alice = await annotator(browser, 'alice');
  const bob = await annotator(browser, 'bob');

  // Nothing is sent before connecting; a wrong password is refused with a clear message.
  let dialog = await connect(alice, 'wrong');
  await expect(dialog.getByRole('alert')).toContainText('name or password is incorrect');
  await dialog.getByLabel('Password').fill('alice-pw');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 20_000 });
  await expect(dialog).toContainText(`Connected to ${URL_DB} as alice`);
  for (const colorScheme of ['light', 'dark']) {
    await alice.page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page: alice.page }).analyze();
    expect(results.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
    await alice.page.screenshot({ path: testInfo.outputPath(`team-connected-${colorScheme}.png`) });
  }
  await alice.page.emulateMedia({ colorScheme: 'light' });
  await closeDialog(alice.page);
  await connect(bob);
  await expect(indicator(bob.page)).toHaveText('Team: synced', { timeout: 20_000 });
  await closeDialog(bob.page);

  // alice adds three documents and annotates each.
  for (const text of TEXTS) await addText(alice.page, text);
  await openFromLibrary(alice.page, 'Dam opens 🌊');
  await mark(alice.app, 'The dam opened', 'The dam', 'Monday', 'f');
  await mark(alice.app, 'The dam opened', '“It is', 'families,”', 'q');
  await openFromLibrary(alice.page, 'Port expands');
  await mark(alice.app, 'The port will', 'the tender', 'rigged', 'a');
  await openFromLibrary(alice.page, 'Tram returns 🚋');
  await mark(alice.app, 'The tram returned', '“This is', 'city,”', 'q');
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 20_000 });

  // bob sees them, with who annotated, and annotates one; alice's open document shows it live.
  let { library, row } = await libraryRow(bob.page, 'Dam opens 🌊');
  await expect(row).toContainText('layers: alice', { timeout: 20_000 });
  await expect(library.locator('.ct-corpus__row[data-title="Port expands"]')).toBeVisible();
  await expect(library.locator('.ct-corpus__row[data-title="Tram returns 🚋"]')).toBeVisible();
  await bob.page.screenshot({ path: testInfo.outputPath('team-library-bob.png') });
  await library.getByRole('button', { name: 'Close' }).click();
  await openFromLibrary(bob.page, 'Dam opens 🌊');
  await expect(bob.page.getByRole('region', { name: 'Layers' })).toContainText('alice');
  await mark(bob.app, 'The dam opened', 'The dam', 'Monday', 'f');

  // alice's agreement view of that document has both layers.
  await openFromLibrary(alice.page, 'Dam opens 🌊');
  await expect(alice.page.getByRole('region', { name: 'Layers' })).toContainText('bob', { timeout: 20_000 });
  await alice.page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: 'Agreement…' }).click();
  const agreement = alice.page.getByRole('dialog', { name: 'Agreement' });
  await expect(agreement).toContainText('2 annotators (alice, bob)');
  await alice.page.screenshot({ path: testInfo.outputPath('team-agreement-alice.png') });
  await agreement.getByRole('button', { name: 'Close' }).click();

  // The server goes away: both keep working, their changes wait.
  await stopCouch();
  await mark(alice.app, 'The dam opened', 'officials', 'said.', 'f');
  await openFromLibrary(bob.page, 'Port expands');
  await mark(bob.app, 'The port will', 'The port', '2028.', 'f');
  await expect(indicator(alice.page)).toContainText('offline — changes waiting: 1', { timeout: 30_000 });
  await expect(indicator(bob.page)).toContainText('offline — changes waiting: 1', { timeout: 30_000 });
  await bob.page.screenshot({ path: testInfo.outputPath('team-offline-bob.png') });

  // It comes back: everything converges without anyone doing anything.
  await startCouch();
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 40_000 });
  await expect(indicator(bob.page)).toHaveText('Team: synced', { timeout: 40_000 });
  ({ row } = await libraryRow(alice.page, 'Port expands'));
  await expect(row).toContainText('layers: bob', { timeout: 20_000 });
  await alice.page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: 'Close' }).click();
  const server = async (id) => (await couch(`/${DB}/${encodeURIComponent(id)}?conflicts=true`)).body;
  const docs = (await couch(`/${DB}/_all_docs?include_docs=true`)).body.rows.map((r) => r.doc);
  const dam = docs.find((d) => d.type === 'doc' && d.meta.title === 'Dam opens 🌊');
  const aliceDam = await server(`layer:${dam._id.slice(4)}:alice`);
  expect(aliceDam.annotations).toHaveLength(3);
  const bobDam = await server(`layer:${dam._id.slice(4)}:bob`);
  expect(bobDam.annotations).toHaveLength(1);
  // Offsets on the server are code points into the document's text.
  const cps = [...dam.text];
  for (const a of [...aliceDam.annotations, ...bobDam.annotations]) {
    expect(cps.slice(a.span.start, a.span.end).join('').length).toBeGreaterThan(0);
  }
  expect(cps.slice(bobDam.annotations[0].span.start, bobDam.annotations[0].span.end).join('')).toBe('The dam opened on Monday');

  // A forced conflict: another copy of alice's layer of the tram story, written elsewhere from
  // the same parent revision.
  const tram = docs.find((d) => d.type === 'doc' && d.meta.title === 'Tram returns 🚋');
  const layerId = `layer:${tram._id.slice(4)}:alice`;
  const current = (await couch(`/${DB}/${encodeURIComponent(layerId)}?revs=true`)).body;
  const elsewhere = {
    ...current,
    annotations: [{ ...current.annotations[0], id: 7, label: 'FACT', span: spanOf(tram.text, 'The tram returned') }],
  };
  const hash = 'f'.repeat(32);
  elsewhere._rev = `${current._revisions.start}-${hash}`;
  elsewhere._revisions = { start: current._revisions.start, ids: [hash, ...current._revisions.ids.slice(1)] };
  const forced = await couch(`/${DB}/_bulk_docs`, { method: 'POST', body: { docs: [elsewhere], new_edits: false } });
  expect(forced.status).toBe(201);
  expect((await server(layerId))._conflicts).toHaveLength(1);
  await expect(indicator(alice.page)).toHaveText('Team: synced · 1 conflict', { timeout: 40_000 });
  await indicator(alice.page).click();
  dialog = alice.page.getByRole('dialog', { name: 'Team database' });
  const conflict = dialog.getByRole('article', { name: /alice's layer of “Tram returns 🚋”/ });
  await expect(conflict.getByRole('group')).toHaveCount(0);
  await expect(conflict).toContainText('QUOTE ““This is the best day for the city,””');
  await expect(conflict).toContainText('FACT “The tram returned”');
  for (const colorScheme of ['light', 'dark']) {
    await alice.page.emulateMedia({ colorScheme });
    await alice.page.screenshot({ path: testInfo.outputPath(`team-conflict-${colorScheme}.png`) });
  }
  await alice.page.emulateMedia({ colorScheme: 'light' });
  const kept = conflict.locator('.ct-conflict__version', { hasText: 'FACT “The tram returned”' });
  await kept.getByRole('button', { name: 'Keep this version' }).click();
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 20_000 });
  await expect(dialog.getByRole('article')).toHaveCount(0);
  await closeDialog(alice.page);
  const resolved = await server(layerId);
  expect(resolved._conflicts).toBeUndefined();
  expect(resolved.annotations.map((a) => a.label)).toEqual(['FACT']);
  await openFromLibrary(alice.page, 'Tram returns 🚋');
  await expect(alice.app.annotations.getByRole('listitem')).toHaveCount(1);
  await expect(alice.app.article.locator('mark[data-label="fact"]')).toHaveText('The tram returned');

  // A reload resumes from the checkpoint: nothing is downloaded again.
  const requests = [];
  alice.page.on('request', (r) => { if (r.url().startsWith(COUCH)) requests.push(new URL(r.url()).pathname + new URL(r.url()).search); });
  await alice.page.reload();
  await alice.app.ready();
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 20_000 });
  expect(requests.filter((r) => r.includes('_bulk_get'))).toEqual([]);
  const changes = requests.filter((r) => r.includes('_changes'));
  expect(changes.length).toBeGreaterThan(0);
  expect(changes[0]).not.toContain('since=0&');

  // The server's session ends (its cookie is gone): sync stops, asks for the password once
  // more, and goes on from where it was.
  await alice.context.clearCookies();
  await openFromLibrary(alice.page, 'Tram returns 🚋');
  await mark(alice.app, 'The tram returned', 'after two', 'years.', 'f');
  await expect(indicator(alice.page)).toHaveText('Team: error', { timeout: 40_000 });
  await indicator(alice.page).click();
  dialog = alice.page.getByRole('dialog', { name: 'Team database' });
  await expect(dialog.getByRole('alert').first()).toContainText('sign in again');
  await expect(dialog.getByRole('alert').first()).toContainText('changes waiting: 1');
  await dialog.getByLabel('Password of alice').fill('alice-pw');
  await dialog.getByRole('button', { name: 'Sign in again' }).click();
  await expect(indicator(alice.page)).toHaveText('Team: synced', { timeout: 20_000 });
  await closeDialog(alice.page);
  expect((await server(layerId)).annotations).toHaveLength(2);

  // alice deals the documents out; bob's Next to do then walks only his.
  await indicator(alice.page).click();
  dialog = alice.page.getByRole('dialog', { name: 'Team database' });
  const assignment = dialog.getByRole('region', { name: 'Assignment' });
  await expect(assignment).toContainText('No assignment');
  await assignment.getByRole('textbox', { name: 'Annotators (comma-separated)' }).fill('alice, bob');
  await assignment.getByRole('button', { name: 'Assign every document' }).click();
  await expect(assignment).toContainText('4 documents assigned to alice, bob. Yours: 2 (0 done)', { timeout: 20_000 });
  await alice.page.screenshot({ path: testInfo.outputPath('team-assignment-alice.png') });
  await closeDialog(alice.page);
  let assigned = null;
  await expect.poll(async () => {
    assigned = (await couch(`/${DB}/assignment`)).body;
    return Object.keys(assigned?.docs ?? {}).length;
  }, { timeout: 20_000 }).toBe(4);
  const titleOf = (id) => docs.find((d) => d._id === `doc:${id}`)?.meta.title;
  const bobs = Object.entries(assigned.docs).filter(([, who]) => who.includes('bob')).map(([id]) => titleOf(id));
  expect(bobs).toHaveLength(2);
  await indicator(bob.page).click();
  await expect(bob.page.getByRole('dialog', { name: 'Team database' })).toContainText('Yours: 2', { timeout: 20_000 });
  await closeDialog(bob.page);
  const walked = new Set();
  for (let i = 0; i < 3; i += 1) {
    await bob.page.getByRole('button', { name: 'Next to do' }).click();
    await bob.page.waitForTimeout(300);
    walked.add(await bob.page.getByRole('heading', { level: 1 }).textContent());
  }
  expect([...walked].sort()).toEqual([...bobs].sort());

  // Documents added in bulk (the intake of two files) reach the team too.
  await alice.page.getByRole('button', { name: 'Load article' }).click();
  await alice.page.getByRole('dialog', { name: 'Load article' }).locator('input[aria-label="Article file"]').setInputFiles([
    { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from('Ferry returns\n\nThe ferry returned after nine months, the operator said.') },
    { name: 'mill.txt', mimeType: 'text/plain', buffer: Buffer.from('Mill reopens\n\nThe mill reopened with 40 workers on Tuesday.') },
  ]);
  const intake = alice.page.getByRole('dialog', { name: 'Add to library' });
  await intake.getByRole('button', { name: 'Add 2 records to the library' }).click();
  await expect(intake.getByRole('status')).toContainText('Added 2 documents');
  await intake.getByRole('button', { name: 'Close' }).click();
  ({ row } = await libraryRow(bob.page, 'Mill reopens'));
  await expect(row).toBeVisible({ timeout: 30_000 });
  await bob.page.getByRole('dialog', { name: 'Library' }).getByRole('button', { name: 'Close' }).click();

  // Disconnecting keeps every document here.
  await indicator(bob.page).click();
  await bob.page.getByRole('dialog', { name: 'Team database' }).getByRole('button', { name: /Disconnect/ }).click();
  await expect(indicator(bob.page)).toHaveText('Team: not connected');
  await closeDialog(bob.page);
  ({ library } = await libraryRow(bob.page, 'Tram returns 🚋'));
  await expect(library.locator('.ct-corpus__row')).toHaveCount(6);
  // The browser logs every failed request (the wrong password's 401, the first checkpoint's
  // 404, the refused connections while the server was away); nothing else may fail.
  const failures = (errors) => errors.filter((e) => !e.startsWith('Failed to load resource'));
  expect(failures(alice.app.errors)).toEqual([]);
  expect(failures(bob.app.errors)).toEqual([]);
  await alice.context.close();
  await bob.context.close();
});

test('bad team servers get clear messages and change nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('.ct-save')).toHaveText('Saved');
  const cases = [
    [`${COUCH}/no-such-db-${Date.now()}`, 'no such database on the server (404)'],
    ['http://127.0.0.1:9/desk', 'cannot be reached'],
    [`http://127.0.0.1:${new URL(page.url()).port}/desk`, 'does not answer like a CouchDB'],
    [URL_DB, 'name or password is incorrect', 'wrong'],
    [`${COUCH}/_users`, 'names no database'],
    // carol has an account but is not a member of the team's database.
    [URL_DB, 'not a member of the database'],
  ];
  await indicator(page).click();
  const dialog = page.getByRole('dialog', { name: 'Team database' });
  for (const [url, message, password = 'carol-pw'] of cases) {
    await dialog.getByRole('textbox', { name: 'Database URL' }).fill(url);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('carol');
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog.getByRole('alert')).toContainText(message, { timeout: 20_000 });
  }
  await closeDialog(page);
  await expect(indicator(page)).toHaveText('Team: not connected');
  await expect(app.headline).toBeVisible();
  expect(app.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
});

test('connecting or disconnecting in one tab reaches the other open tab without a reload', async ({ browser }) => {
  // A database of its own, so the other tests' counts are not touched.
  const db = `tabs-${Date.now()}`;
  expect((await couch(`/${db}`, { method: 'PUT' })).status).toBe(201);
  const security = await couch(`/${db}/_security`, {
    method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: ['alice'], roles: [] } },
  });
  expect(security.status).toBeLessThan(300);
  const context = await browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    await new AppPage(page).open();
    await expect(page.locator('.ct-save')).toHaveText('Saved');
    return page;
  };
  const a = await open();
  const b = await open();
  await expect(indicator(b)).toHaveText('Team: not connected');

  // Connected in A: B knows at once that another tab syncs.
  await indicator(a).click();
  const dialog = a.getByRole('dialog', { name: 'Team database' });
  await dialog.getByRole('textbox', { name: 'Database URL' }).fill(`${COUCH}/${db}`);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('alice');
  await dialog.getByLabel('Password').fill('alice-pw');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(indicator(a)).toHaveText(/Team: synced/, { timeout: 30_000 });
  await closeDialog(a);
  await expect(indicator(b)).toHaveText('Team: syncing in another tab', { timeout: 10_000 });

  // Disconnected in B, the tab that is not syncing: A's sync loop stops too, and nothing of the
  // connection comes back at a reload (A's loop could otherwise write its state again).
  await indicator(b).click();
  await b.getByRole('dialog', { name: 'Team database' }).getByRole('button', { name: 'Disconnect (keeps every document here)' }).click();
  await expect(indicator(b)).toHaveText('Team: not connected', { timeout: 20_000 });
  await expect(indicator(a)).toHaveText('Team: not connected', { timeout: 20_000 });
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.locator('.ct-app[data-ready="true"]')).toBeVisible();
    await page.waitForTimeout(500);
    await expect(indicator(page)).toHaveText('Team: not connected');
  }
  await context.close();
});
