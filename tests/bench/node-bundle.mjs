// Bundles a bench entry (and what it imports from src-main / src-shared) into one CommonJS file,
// so a plain child Node process can run the app's own TypeScript code.
import { join, resolve } from 'node:path'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '../..')

/** Builds `entry` (a file in tests/bench) into out/<folder>/<name>.cjs and returns its path. */
export async function bundleForNode(entry, folder, name) {
  // Inside the repo, so the bundle's require() of exceljs etc. finds node_modules.
  const outDir = join(root, 'out', folder)
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { '@shared': join(root, 'src-shared') } },
    build: {
      outDir,
      emptyOutDir: true,
      ssr: join(import.meta.dirname, entry),
      rollupOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
  })
  return join(outDir, `${name}.cjs`)
}
