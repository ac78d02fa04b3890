// The dashboard: static files in web/dist (npm run build:web), dev server via npm run web.
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1024, rollupOptions: { input: { main: "index.html", lab: "lab.html" } } },
  worker: { format: "es" },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
