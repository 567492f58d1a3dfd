/**
 * The office's identity as it appears on every document (Nghị định 30/2020 header and signature;
 * docs/official-documents.md). Fields are kept as the clerk typed them; documents print capitals.
 */
export interface OfficeIdentity {
  /**
   * The body directly above the issuer, printed above it in regular capitals — only for a unit
   * under a parent ("UBND THỊ XÃ MỸ HÀO" above "PHÒNG KINH TẾ"). A people's committee has none:
   * documents leave this line out when the issuer is one.
   */
  parentBody: string
  /** Issuing body, e.g. "Ủy ban nhân dân thị xã Mỹ Hào" (printed "ỦY BAN NHÂN DÂN" / "THỊ XÃ MỸ HÀO"). */
  officeName: string
  /** Place name before the date, e.g. "Mỹ Hào". */
  placeName: string
  /** The issuer's abbreviation in document numbers, e.g. "UBND" in "Số: 05/BC-UBND". */
  agencyAbbreviation: string
  /** The drafting unit's abbreviation in "- Lưu: VT, KT.", e.g. "KT" for Phòng Kinh tế. */
  draftingUnit: string
  /** Authority line, e.g. "TM. Ủy ban nhân dân" (TM., KT., Q., TL., TUQ.). */
  signerAuthority: string
  /** A second line under the authority when a deputy signs for the head, e.g. "KT. Chủ tịch". */
  signerDelegation: string
  /** Signer's title, e.g. "Phó Chủ tịch". */
  signerTitle: string
  signerName: string
}

export const EMPTY_OFFICE: OfficeIdentity = {
  parentBody: '',
  officeName: '',
  placeName: '',
  agencyAbbreviation: '',
  draftingUnit: '',
  signerAuthority: '',
  signerDelegation: '',
  signerTitle: '',
  signerName: '',
}

/** Fields a document may do without: not every issuer has a parent, an authority or a deputy line. */
export const OPTIONAL_OFFICE_FIELDS: readonly (keyof OfficeIdentity)[] = [
  'parentBody',
  'draftingUnit',
  'signerAuthority',
  'signerDelegation',
]

/** Which required identity fields are still empty. */
export function missingOfficeFields(office: OfficeIdentity): (keyof OfficeIdentity)[] {
  return (Object.keys(EMPTY_OFFICE) as (keyof OfficeIdentity)[]).filter(
    (key) => !OPTIONAL_OFFICE_FIELDS.includes(key) && (office[key] ?? '').trim() === '',
  )
}
