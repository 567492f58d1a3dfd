/**
 * The product classification catalogue shipped in resources/catalogues/product-groups.json, and
 * the labels the import template offers for it. The JSON is imported statically so it is bundled
 * into every entry point that needs it (worker, CLI) without a path lookup at run time.
 */
import catalogue from '../../../resources/catalogues/product-groups.json'

export interface ProductSubgroup {
  code: string
  name: string
}

export interface ProductGroup {
  code: string
  name: string
  subgroups: ProductSubgroup[]
}

/** One classification (QĐ 148's groups or QĐ 1048's sectors) with its legal basis. */
export interface ProductClassification {
  key: string
  /** Short legal basis for labels, e.g. "QĐ 1048". */
  shortBasis: string
  /** True for the classification in force now; its groups are listed first, by code. */
  current: boolean
  basis: string
  level: string
  groups: ProductGroup[]
}

export interface ProductGroupCatalogue {
  title: string
  source: string
  /** False: the codes are OCOP Desk's working codes, the official ones are not published. */
  officialCodesPublic: boolean
  note: string
  classifications: ProductClassification[]
}

/** The bundled catalogue. */
export const productGroupCatalogue: ProductGroupCatalogue = catalogue

/** Dropdown labels: the classification in force (code - name, with sub-groups), then older ones. */
export function productGroupLabels(
  source: ProductGroupCatalogue = productGroupCatalogue,
): string[] {
  const ordered = [...source.classifications].sort((a, b) => Number(b.current) - Number(a.current))
  const labels: string[] = []
  for (const classification of ordered) {
    for (const group of classification.groups) {
      if (!classification.current) {
        // Older sectors share names with today's groups ("Thực phẩm"): the basis tells them apart.
        labels.push(`${group.name} (${classification.shortBasis})`)
        continue
      }
      labels.push(`${group.code} - ${group.name}`)
      for (const subgroup of group.subgroups) labels.push(`${subgroup.code} - ${subgroup.name}`)
    }
  }
  return labels
}
