// Playwright configuration: Debian's Chromium (never a downloaded browser), the release build in
// ../dist served statically on 127.0.0.1 by Python's http.server (it serves .wasm as
// application/wasm). Build it first: `make test` does, or `make build` (and
// `trunk build --dist dist-debug` for the crash test).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
        '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The release build, and the debug build (../dist-debug) that only the crash test uses.
  webServer: [['../dist', PORT], ['../dist-debug', PORT + 1]].map(([dir, port]) => ({
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${dir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !!process.env.E2E_REUSE,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  })),
});
