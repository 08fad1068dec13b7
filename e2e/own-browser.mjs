// Chromium started by hand (not by Playwright), on a profile directory of its own and a remote
// debugging port, so that a test or a benchmark can kill the browser process by its pid — as a
// crash, an out-of-memory kill or a power cut would — and start it again on the same profile.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--no-default-browser-check', '--disable-sync', '--disable-dev-shm-usage',
];

/** Starts Chromium on `profile` with remote debugging on `port`; resolves with its process, the
 * connected browser and a page. Debian's /usr/bin/chromium execs the browser, keeping the pid. */
export async function startBrowser(profile, port) {
  const child = spawn(EXECUTABLE, [...FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.profile = profile;
  let browser;
  for (let i = 0; i < 100 && !browser; i += 1) {
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!browser) {
    child.kill('SIGKILL');
    throw new Error(`Chromium did not open its debugging port ${port}`);
  }
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  return { child, exited, browser, page };
}

/** Kills the browser process by its pid (SIGKILL: no pagehide, no visibilitychange, no clean
 * shutdown) and waits until it is gone. */
export async function killBrowser({ child, exited }) {
  process.kill(child.pid, 'SIGKILL');
  await exited;
  await allGone(child.profile);
}

/** Waits until no process of the browser on `profile` is left (the renderer and utility
 * processes notice their parent is gone and exit on their own), at most 10 s. */
async function allGone(profile) {
  for (let i = 0; i < 100; i += 1) {
    try {
      execFileSync('pgrep', ['-f', `--user-data-dir=${profile}`], { stdio: 'ignore' });
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Closes the browser the way a user quitting it does (SIGTERM: a clean shutdown). */
export async function closeBrowser({ child, browser, exited }) {
  await browser.close().catch(() => {});
  child.kill('SIGTERM');
  await exited;
  await allGone(child.profile);
}

/** A fresh, empty profile directory. */
export function freshProfile(prefix) {
  return fs.mkdtempSync(`/tmp/${prefix}-`);
}

/** Removes a profile directory once its browser has closed. A helper process that is still
 * flushing can refill a directory while it is removed (ENOTEMPTY), so this waits and tries
 * again; a profile that still cannot be removed is left in /tmp with a warning — the run's
 * results stand either way. */
export async function removeProfile(profile) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await allGone(profile);
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
      return;
    } catch (error) {
      if (attempt === 9) {
        console.warn(`could not remove the browser profile ${profile}: ${error.message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
