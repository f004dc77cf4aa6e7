import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

/** Vite config of the web app: resolves `@duban/domain` to its TypeScript source and proxies the API in dev. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // "source" points workspace packages at their TS sources, so the web app needs no domain build step.
    conditions: ["source", ...defaultClientConditions],
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
