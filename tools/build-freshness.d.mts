// Types of build-freshness.mjs for the TypeScript that imports it (the Vitest setup and its test).
export declare const BUILD_SOURCES: readonly string[]
export declare const BUILD_OUTPUTS: readonly string[]
export declare function buildIsStale(root?: string): boolean
export declare function ensureBuilt(options?: { quiet?: boolean }): void
