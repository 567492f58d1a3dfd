import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const sharedAlias = { '@shared': resolve(__dirname, 'src-shared') }

export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // Electron's main process.
          index: resolve(__dirname, 'src-main/index.ts'),
          // The Excel job worker: a utilityProcess in Electron, a worker thread elsewhere.
          'excel-worker': resolve(__dirname, 'src-main/workers/excel-worker.ts'),
          // Plain-Node entry points that reuse the same services without Electron.
          'web-host': resolve(__dirname, 'src-main/web/web-host.ts'),
          cli: resolve(__dirname, 'src-main/cli/cli.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/preload',
      // The sandboxed preload cannot require() anything but electron: bundle everything else.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias: { ...sharedAlias, '@': resolve(__dirname, 'src-renderer/src') } },
    plugins: [vue()],
    server: { fs: { allow: [__dirname] } },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
})
