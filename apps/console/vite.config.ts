import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** `npm run build` writes the console to dist/console, which the API serves at /console. */
export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [preact()],
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});
