import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Store } from '../src/index.js';
import { defineConformanceSuite } from './conformance/define-conformance-suite.js';

// A real file (not ':memory:') so that a second connection can open the same database.
defineConformanceSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddt-store-'));
  const path = join(dir, 'conformance.sqlite');
  const handles: Store[] = [];
  const open = async () => {
    const store = createSqliteStore({ path });
    await store.init();
    handles.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    openAnother: open,
    async dispose() {
      for (const handle of handles) await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
