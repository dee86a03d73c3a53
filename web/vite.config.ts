import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { driverPwa } from './src/driver/pwa/plugin.mjs';

// `npm run dev` serves the app on :5173 against a service on :8080 (./run.sh); `npm run build` writes dist/, which
// ./mvnw package puts into the jar (served by com.returnit.web).
export default defineConfig({
  plugins: [react(), driverPwa()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 320,
    rolldownOptions: {
      // Leaflet in a chunk named for what it is, loaded only by pages with a map
      output: { advancedChunks: { groups: [{ name: 'map', test: /node_modules[\\/]leaflet[\\/]/ }] } },
    },
  },
  server: {
    proxy: {
      '/v1/stream': { target: 'ws://localhost:8080', ws: true },
      '/v1': 'http://localhost:8080',
      '/v3': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
