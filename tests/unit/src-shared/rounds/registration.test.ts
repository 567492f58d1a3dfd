import { describe, expect, it } from 'vitest'
import {
  DOSSIER_QD_1048,
  missingDossierItems,
  proposalNeedsReason,
  scoringBlock,
  type DossierState,
} from '@shared/rounds/registration'

const allThere: Record<string, DossierState> = Object.fromEntries(
  DOSSIER_QD_1048.filter((item) => item.required).map((item) => [item.key, 'du']),
)

describe('a product’s dossier and what the council may do with it', () => {
  it('is complete with every required item there; the optional evidence may be absent', () => {
    expect(missingDossierItems(DOSSIER_QD_1048, allThere)).toEqual([])
    expect(scoringBlock(DOSSIER_QD_1048, allThere, '')).toBeNull()
  })

  it('blocks scoring while a required item is missing or not yet checked, naming them', () => {
    const states: Record<string, DossierState> = { ...allThere, 'giay-dang-ky-kinh-doanh': 'thieu' }
    delete states['san-pham-mau']
    expect(scoringBlock(DOSSIER_QD_1048, states, '  ')).toEqual({
      code: 'dossier-incomplete',
      missing: ['Giấy đăng ký kinh doanh', 'Sản phẩm mẫu'],
    })
    // "Not applicable" does not stand in for a required item.
    expect(
      missingDossierItems(DOSSIER_QD_1048, { ...allThere, 'phieu-dang-ky': 'khong-ap-dung' }),
    ).toHaveLength(1)
  })

  it('lets the council score an incomplete dossier once the reason is written down', () => {
    const states = { ...allThere, 'san-pham-mau': 'thieu' as const }
    expect(scoringBlock(DOSSIER_QD_1048, states, 'Mẫu nộp bổ sung tại cuộc họp')).toBeNull()
  })

  it('asks for a reason only when the proposed stars differ from the computed ones', () => {
    expect(proposalNeedsReason(4, 4, '')).toBe(false)
    expect(proposalNeedsReason(4, 3, '')).toBe(true)
    expect(proposalNeedsReason(4, 3, 'Hội đồng thống nhất hạ hạng do bao bì chưa đạt')).toBe(false)
    expect(proposalNeedsReason(null, 3, '')).toBe(false)
  })
})
