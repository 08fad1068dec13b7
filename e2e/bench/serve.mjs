// The static server the browser benchmarks load the build from: Python's http.server on
// 127.0.0.1 (it serves .wasm as application/wasm), started and waited for.
import { spawn } from 'node:child_process';

/** Serves `dir` on 127.0.0.1:`port`; resolves with the server process once it answers. */
export async function serve(dir, port) {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i += 1) {
    try { await fetch(`http://127.0.0.1:${port}/`); return server; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  server.kill();
  throw new Error('the static server did not start');
}
