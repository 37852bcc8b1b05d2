import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { formioCdnAssets } from './vite-plugins/formio-cdn-assets.js';

export default defineConfig({
  base: '/',
  plugins: [react(), formioCdnAssets()],
  // Workspace packages (`@ddt/forms`) are used from their TypeScript sources, like everywhere else.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Form.io bundles CommonJS packages that read Node's `global` (custom-event via dragula).
  define: { global: 'globalThis' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  // The lazy Form.io (~1.4 MB minified, ~400 kB gzip) and bpmn-js (~1.6 MB, ~450 kB gzip) chunks are that
  // large by nature; warn only beyond them.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1700 },
});
