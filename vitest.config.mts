import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const root = import.meta.dirname

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@shared': resolve(root, 'src-shared'),
      '@': resolve(root, 'src-renderer/src'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Builds out/ first when a source changed: some tests run the built Excel worker and CLI.
    globalSetup: ['tests/unit/global-setup.mjs'],
    environment: 'node',
    // Component and Dexie tests set their own environment with a `@vitest-environment` comment.
    testTimeout: 20_000,
    pool: 'forks',
  },
})
