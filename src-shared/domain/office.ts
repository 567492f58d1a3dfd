/** The office's identity as it appears on every report (Nghị định 30/2020 header and signature). */
export interface OfficeIdentity {
  /** Parent body, capitals, e.g. "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN". */
  parentBody: string
  /** Issuing body, capitals bold, e.g. "ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO". */
  officeName: string
  /** Place name before the date, e.g. "Mỹ Hào". */
  placeName: string
  /** Abbreviation in document numbers and "Lưu: VT, …", e.g. "UBND". */
  agencyAbbreviation: string
  /** Authority prefix line, e.g. "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH". */
  signerAuthority: string
  /** Signer's title, e.g. "PHÓ CHỦ TỊCH". */
  signerTitle: string
  signerName: string
}

export const EMPTY_OFFICE: OfficeIdentity = {
  parentBody: '',
  officeName: '',
  placeName: '',
  agencyAbbreviation: '',
  signerAuthority: '',
  signerTitle: '',
  signerName: '',
}

/** Which identity fields are still empty; reports need all of them. */
export function missingOfficeFields(office: OfficeIdentity): (keyof OfficeIdentity)[] {
  return (Object.keys(EMPTY_OFFICE) as (keyof OfficeIdentity)[]).filter(
    (key) => office[key].trim() === '',
  )
}
