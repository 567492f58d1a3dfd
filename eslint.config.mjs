import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Imports point one way: renderer → shared, preload → shared, main → shared. src-shared is pure
// TypeScript that runs in all three, so it may not import electron, node:* or vue.
const noElectronOrNode = [
  { group: ['electron', 'electron/*'], message: 'src-shared runs everywhere: no electron.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src-shared: no Node APIs.' },
  {
    group: ['vue', 'pinia', 'vue-router', 'naive-ui', 'dexie'],
    message: 'src-shared: no UI or DB.',
  },
]
const notFromRenderer = {
  group: ['**/src-renderer/**', '@/*'],
  message: 'main never imports the renderer.',
}
const notFromMain = { group: ['**/src-main/**'], message: 'the renderer never imports main.' }

export default defineConfigWithVueTs(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  // Type-aware rules: promises are awaited or marked `void`, switches over unions are exhaustive.
  vueTsConfigs.recommendedTypeChecked,
  {
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Handlers and mocks implement Promise-returning interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // expect(mock.method) hands a method to Vitest without calling it: not a lost `this`.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Plain JavaScript (tools, benches, configs) has no types to check against.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [vueTsConfigs.disableTypeChecked],
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'no eval' },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noElectronOrNode, notFromRenderer, notFromMain] },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notFromRenderer] }] },
  },
  {
    // Services, workers, the web host and the CLI run in plain Node too: no electron there.
    files: [
      'src-main/services/**/*.ts',
      'src-main/workers/**/*.ts',
      'src-main/web/**/*.ts',
      'src-main/cli/**/*.ts',
      'src-main/backup/**/*.ts',
      'src-main/ipc/dispatch.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notFromRenderer,
            { group: ['electron', 'electron/*'], message: 'plain-Node code: no electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notFromMain,
            { group: ['electron', 'node:*'], message: 'the renderer is sandboxed.' },
          ],
        },
      ],
    },
  },
  {
    // Bench and e2e code runs partly inside the page (page.evaluate).
    files: ['tests/bench/**/*.mjs', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notFromRenderer,
            notFromMain,
            { group: ['node:*'], message: 'the sandboxed preload has no Node.' },
          ],
        },
      ],
    },
  },
  prettier,
)
