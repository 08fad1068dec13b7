// Starts claimtag without an inline script, so the Content-Security-Policy in index.html can
// forbid inline scripts altogether. The wasm-bindgen glue and the wasm file change names with
// every build; Trunk writes them into this script element's data attributes (Trunk.toml,
// pattern_script).
const script = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(script.dataset.js);
const wasm = await init({ module_or_path: script.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
