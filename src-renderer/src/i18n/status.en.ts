/** English strings of a product's status and of the ranking rules in Settings. */
export const statusEn = {
  productStatus: {
    'chua-danh-gia': 'Not evaluated',
    'da-danh-gia': 'Evaluated',
    'dat-ocop': 'OCOP',
    'sap-het-han': 'Expiring soon',
    'het-han': 'Expired',
    'bi-thu-hoi': 'Revoked',
  },
  productStatusFilter: 'Status',
  productStatusStars: {
    'da-danh-gia': 'Evaluated {n} stars',
    'dat-ocop': 'OCOP {n} stars',
    'sap-het-han': 'Expiring soon ({n} stars)',
    'het-han': 'Expired ({n} stars)',
    'bi-thu-hoi': 'Revoked ({n} stars)',
  },
  rankingRules: {
    title: 'How long a 1-2 star result counts',
    explain:
      "A certificate of a 3-5 star OCOP product is valid 36 months from its decision (QĐ 148/QĐ-TTg). A 1-2 star product gets no certificate and the law does not say how long its result counts, so the office decides: a 1-2 star result is the product's result until its next evaluation, or until the months below have passed (from the decision date, else the evaluation date, else 31/12 of the evaluation's year), whichever comes first. A 1-2 star result never counts as an OCOP product.",
    months: 'Months',
    unit: 'months',
    range: 'Enter a whole number from 1 to 120.',
    standsUntil: 'the result counts until the end of {date}',
    saved: 'Saved: a 1-2 star result counts for {n} months.',
  },
}
