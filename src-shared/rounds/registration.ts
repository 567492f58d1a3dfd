/**
 * Entering products into a round: the producer's dossier checked item by item, and the two places
 * where the council departs from what the app computes only with a reason written down — scoring a
 * product whose dossier is incomplete, and proposing stars other than the computed ones.
 */

import type { DOSSIER_STATES } from '../db/records'

/** An item's state in a product's dossier. */
export type DossierState = (typeof DOSSIER_STATES)[number]

export interface DossierItem {
  key: string
  label: string
  /** A required item must be there ('du'); the others are evidence the producer may add. */
  required: boolean
}

/**
 * The dossier QĐ 1048 asks for (Phụ lục II Mục 3): five required items, then the evidence a
 * producer adds where it applies. QĐ 148's own list could not be read (docs/evaluation-rounds.md):
 * an office edits the checklist of its round.
 */
export const DOSSIER_QD_1048: readonly DossierItem[] = [
  { key: 'phieu-dang-ky', label: 'Phiếu đăng ký sản phẩm', required: true },
  { key: 'phuong-an-kinh-doanh', label: 'Phương án, kế hoạch kinh doanh', required: true },
  { key: 'gioi-thieu-to-chuc', label: 'Giới thiệu tổ chức sản xuất', required: true },
  { key: 'giay-dang-ky-kinh-doanh', label: 'Giấy đăng ký kinh doanh', required: true },
  { key: 'san-pham-mau', label: 'Sản phẩm mẫu', required: true },
  { key: 'cong-bo-chat-luong', label: 'Công bố chất lượng, tiêu chuẩn sản phẩm', required: false },
  { key: 'ket-qua-kiem-nghiem', label: 'Phiếu kết quả kiểm nghiệm', required: false },
  { key: 'du-dieu-kien-san-xuat', label: 'Giấy chứng nhận đủ điều kiện sản xuất', required: false },
  { key: 'truy-xuat-nguon-goc', label: 'Mã số mã vạch, truy xuất nguồn gốc', required: false },
  { key: 'so-huu-tri-tue', label: 'Sở hữu trí tuệ, nhãn hiệu', required: false },
  { key: 'cau-chuyen-san-pham', label: 'Câu chuyện sản phẩm', required: false },
]

/** The required items of `checklist` that `states` does not show as there. */
export function missingDossierItems(
  checklist: readonly DossierItem[],
  states: Readonly<Record<string, DossierState | undefined>>,
): DossierItem[] {
  return checklist.filter((item) => item.required && states[item.key] !== 'du')
}

/** Why a product may not be scored yet; null when it may. */
export type ScoringBlock = { code: 'dossier-incomplete'; missing: string[] } | null

/**
 * A product may be scored once its dossier holds every required item, or when the council decided
 * to score it anyway and the reason is written down.
 */
export function scoringBlock(
  checklist: readonly DossierItem[],
  states: Readonly<Record<string, DossierState | undefined>>,
  overrideReason: string,
): ScoringBlock {
  const missing = missingDossierItems(checklist, states)
  if (missing.length === 0 || overrideReason.trim() !== '') return null
  return { code: 'dossier-incomplete', missing: missing.map((item) => item.label) }
}

/**
 * The council proposes the computed stars unless it writes why it does not (one council agreed a
 * lower rank than the score's); true when the proposal needs a reason it does not have.
 */
export function proposalNeedsReason(
  computed: number | null,
  proposed: number | null,
  reason: string,
): boolean {
  return computed !== null && proposed !== null && proposed !== computed && reason.trim() === ''
}
