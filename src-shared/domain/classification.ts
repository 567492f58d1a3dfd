/** The product classification (groups → sub-groups → product sets) of a criteria set's catalogue. */
import type { CriteriaSet } from '../db/records'

export interface ClassificationNode {
  code: string
  name: string
  children: ClassificationNode[]
}

/** The catalogue as a tree: groups, their sub-groups, their product sets. */
export function classificationTree(set: Pick<CriteriaSet, 'catalogue'>): ClassificationNode[] {
  return set.catalogue.groups.map((group) => ({
    code: group.code,
    name: group.name,
    children: group.subGroups.map((sub) => ({
      code: sub.code,
      name: sub.name,
      children: sub.productSets.map((ps) => ({ code: ps.code, name: ps.name, children: [] })),
    })),
  }))
}

/** The chain of names from the group down to `code`, or [] when the code is not in the catalogue. */
export function classificationPath(
  set: Pick<CriteriaSet, 'catalogue'>,
  code: string,
): ClassificationNode[] {
  const walk = (nodes: ClassificationNode[], trail: ClassificationNode[]): ClassificationNode[] => {
    for (const node of nodes) {
      const path = [...trail, node]
      if (node.code === code) return path
      const found = walk(node.children, path)
      if (found.length > 0) return found
    }
    return []
  }
  return walk(classificationTree(set), [])
}
