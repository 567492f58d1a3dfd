import type { Page } from '@playwright/test'

/**
 * Writes `products` generated products (one producer for five), `evaluationsPerProduct`
 * evaluations each and one plan into the app's database; its units must be loaded first.
 */
export function seedRegister(
  page: Page,
  products: number,
  evaluationsPerProduct: number,
): Promise<void>
