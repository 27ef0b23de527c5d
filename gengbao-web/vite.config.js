// Two apps from one build: the bureau console at / (index.html) and the patrol phone app at /m/ (m/index.html).
// The result goes into target/classes/static so that the server jar serves both (see pom.xml).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { resolve } from 'node:path';

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        patrol: resolve(import.meta.dirname, 'm/index.html'),
      },
    },
  },
  server: {
    // `npm run dev` next to `./gengbao serve --demo`: the API comes from the running server.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
