// The team database the sync tests run against: pouchdb-server (npm, on-disk LevelDB storage,
// so a stop and start keeps the data) on 127.0.0.1, started and stopped by the test script
// (`node couch.mjs start|stop`) and by the sync test itself when it takes the server away.
//
// To run the same tests against Apache CouchDB 3 instead, give its address with an admin
// account and the commands that stop and start it, e.g.
//   COUCH_URL=http://admin:secret@127.0.0.1:5984 COUCH_STOP_CMD='docker stop couch' \
//   COUCH_START_CMD='docker start couch' npx playwright test tests/sync.spec.mjs
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.env.COUCH_PORT || 5991);
// pouchdb-server gets an admin at its first start (admin party off), so that it enforces each
// database's `_security` members as CouchDB does.
const GIVEN = new URL(process.env.COUCH_URL || `http://admin:claimtag-test@127.0.0.1:${PORT}`);
const DIR = process.env.COUCH_DIR || path.join(HERE, '.couch-data');
const PIDFILE = path.join(DIR, 'server.pid');

/** The server's address without credentials (what the browser is given). */
export const COUCH = `${GIVEN.protocol}//${GIVEN.host}`;

/** A request to the server as its admin (or in admin party, as anyone); JSON in and out. */
export async function couch(pathname, { method = 'GET', body } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (GIVEN.username) {
    const pair = `${decodeURIComponent(GIVEN.username)}:${decodeURIComponent(GIVEN.password)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  const response = await fetch(`${COUCH}${pathname}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function answers() {
  try {
    return (await fetch(`${COUCH}/`)).ok;
  } catch {
    return false;
  }
}

async function until(condition, what) {
  for (let i = 0; i < 300; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the team server did not ${what} within 30 s`);
}

/** Starts the server (keeping its data) unless it already answers. */
export async function startCouch() {
  if (await answers()) return;
  if (process.env.COUCH_START_CMD) {
    execSync(process.env.COUCH_START_CMD, { stdio: 'inherit' });
  } else {
    fs.mkdirSync(DIR, { recursive: true });
    const bin = path.join(HERE, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
    const child = spawn(process.execPath, [bin, '--port', String(PORT), '--host', '127.0.0.1', '--dir', DIR, '--no-stdout-logs'], {
      cwd: DIR, detached: true, stdio: 'ignore',
    });
    child.unref();
    fs.writeFileSync(PIDFILE, String(child.pid));
  }
  await until(answers, 'start');
  if (!process.env.COUCH_URL) {
    // Ends admin party on a fresh server (kept in its config.json across restarts).
    const party = await fetch(`${COUCH}/_config/admins/admin`, {
      method: 'PUT', body: JSON.stringify(decodeURIComponent(GIVEN.password)),
    });
    if (![200, 401].includes(party.status)) throw new Error(`could not create the admin: ${party.status}`);
    // A fixed cookie secret (CouchDB keeps its own in its config): sessions survive a restart.
    const secret = await couch('/_config/couch_httpd_auth/secret', { method: 'PUT', body: 'claimtag-e2e-cookie-secret' });
    if (secret.status !== 200) throw new Error(`could not set the cookie secret: ${secret.status}`);
  }
}

/** Stops the server; its data stays for the next start. */
export async function stopCouch() {
  if (process.env.COUCH_STOP_CMD) {
    execSync(process.env.COUCH_STOP_CMD, { stdio: 'inherit' });
  } else if (fs.existsSync(PIDFILE)) {
    try {
      process.kill(Number(fs.readFileSync(PIDFILE, 'utf8')), 'SIGTERM');
    } catch {
      // Already gone.
    }
    fs.rmSync(PIDFILE, { force: true });
  }
  await until(async () => !(await answers()), 'stop');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const command = process.argv[2];
  if (command === 'start') {
    // Each test run starts from an empty server.
    if (!process.env.COUCH_START_CMD) fs.rmSync(DIR, { recursive: true, force: true });
    await startCouch();
    console.log(`team server: ${COUCH}`);
  } else if (command === 'stop') {
    if (await answers()) await stopCouch();
  } else {
    console.error('usage: node couch.mjs start|stop');
    process.exit(2);
  }
}
