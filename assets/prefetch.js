// Runs first (a plain script at the top of index.html's head, fetched before the stylesheets):
// while the app's wasm module is fetched and compiled, reads from the library the records
// start-up needs first (src/services/startup.rs takes them from window.__claimtagPrefetch) —
// the annotator name, the journal of unsaved working copies and the document open last, as the
// JSON text they are stored as. Any failure leaves null, and start-up reads them itself.
window.__claimtagPrefetch = new Promise((resolve) => {
  const STORES = ['settings', 'documents', 'journal'];
  let request;
  try {
    request = indexedDB.open('claimtag');
  } catch {
    resolve(null);
    return;
  }
  // No library yet: leave creating it (with its stores) to the app.
  request.onupgradeneeded = () => request.transaction.abort();
  request.onerror = () => resolve(null);
  request.onblocked = () => resolve(null);
  request.onsuccess = () => {
    const db = request.result;
    if (!STORES.every((name) => db.objectStoreNames.contains(name))) {
      db.close();
      resolve(null);
      return;
    }
    const found = {};
    const tx = db.transaction(STORES);
    const settings = tx.objectStore('settings');
    settings.get('annotator').onsuccess = (e) => { found.annotator = e.target.result; };
    tx.objectStore('journal').getAll().onsuccess = (e) => { found.journal = e.target.result; };
    const open = settings.get('open_document');
    open.onsuccess = () => {
      if (typeof open.result !== 'string') return;
      found.id = open.result;
      tx.objectStore('documents').get(open.result).onsuccess = (e) => { found.document = e.target.result; };
    };
    // The mark is for the cold-start benchmark's breakdown (e2e/bench/cold.mjs).
    tx.oncomplete = () => { db.close(); performance.mark('claimtag:prefetched'); resolve(found); };
    tx.onabort = () => { db.close(); resolve(null); };
  };
});
