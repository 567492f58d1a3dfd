/** The catalogue in English, for the UI's second language; the same codes as vi.ts. */
import type { ErrorMessageParams, MessageTable, UnitSuggestion } from './catalogue'

/** 72.5 → '72.5', 60 → '60.0'. */
function decimal(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n)
}

const names = (units: readonly UnitSuggestion[]): string => units.map((u) => u.name).join('; ')

function undoRefusal(params: ErrorMessageParams['import.undo.refused']): string {
  switch (params.reason) {
    case 'not-found':
      return 'the import is not in the history.'
    case 'already-undone':
      return 'this import has already been undone.'
    case 'evaluated-later':
      return 'a product this import added has an evaluation added since.'
    case 'edited-later':
      return `the record "${params.record}" was edited after the import.`
    case 'product-added-later':
      return `a producer this import added has a product "${params.product}" added since.`
  }
}

export const en: MessageTable = {
  location: ({ file, sheet, row, column, columnLabel }) => {
    const parts: string[] = []
    if (file !== undefined) parts.push(`File ${file}`)
    if (sheet !== undefined) parts.push(`sheet "${sheet}"`)
    if (row !== undefined) parts.push(`row ${row}`)
    if (column !== undefined) {
      parts.push(
        columnLabel === undefined ? `column ${column}` : `column ${column} (${columnLabel})`,
      )
    }
    return `${parts.join(', ')}: `
  },
  messages: {
    MISSING_PRODUCT: () =>
      'the product name is missing (empty cell). Write the product name or leave this row out.',
    SCORE_OUT_OF_RANGE: ({ value }) =>
      `the score ${value} is not valid: a score is from 0 to 100. Correct it from the score sheet.`,
    SCORE_UNREADABLE: ({ value, part }) =>
      part === undefined
        ? `the score "${value}" cannot be read; write a number, for example 72.5.`
        : `the part ${part} score "${value}" cannot be read; write a number, for example 32.5.`,
    PART_ABOVE_MAX: ({ part, score, max, criteriaSet }) =>
      `the part ${part} score is ${decimal(score)}, above this part's maximum of ${decimal(max)} under ${criteriaSet}. Correct it from the score sheet.`,
    STARS_OUT_OF_RANGE: ({ value }) =>
      `the star rating ${value} is not valid: ratings are 1 to 5 stars. Correct it from the recognition decision.`,
    STARS_UNREADABLE: ({ value }) =>
      `the star rating "${value}" cannot be read; write 1 to 5, for example "3", "3 sao" or "★★★".`,
    YEAR_OUT_OF_RANGE: ({ value, firstYear }) =>
      `the recognition year ${value} is not valid (the OCOP programme began in ${firstYear}). Write a four-digit year.`,
    YEAR_UNREADABLE: ({ value }) =>
      `the year "${value}" cannot be read; write a four-digit year, for example 2020.`,
    DATE_INVALID: ({ value }) =>
      `the decision date "${value}" is not a date; write it as day/month/year, for example 05/03/2021.`,
    STARS_SCORE_MISMATCH: ({ score, computed, stars }) =>
      `a score of ${decimal(score)} means ${computed} stars but the rating says ${stars} stars. The file's ${stars} stars are kept; please check.`,
    UNKNOWN_COMMUNE: (params) => {
      if (params.reason === 'not-valid-then') {
        return `"${params.value}" did not exist (or no longer existed) in ${params.year ?? ''}: ${names(params.suggestions)}. Check the recognition year or choose the right commune/ward.`
      }
      const guess =
        params.suggestions.length > 0 ? ` Did you mean: ${names(params.suggestions)}?` : ''
      return `"${params.value}" is not in the list of communes and wards.${guess} Choose the right commune/ward or add it to the list.`
    },
    MISSING_COMMUNE: () => "the product's commune/ward is not known; choose the commune/ward.",
    UNKNOWN_PRODUCER_TYPE: ({ value }) =>
      `the producer type "${value}" is not recognised; choose cooperative (Hợp tác xã), enterprise (Doanh nghiệp), cooperative group (Tổ hợp tác) or household business (Hộ kinh doanh).`,
    DUPLICATE_ROW: ({ firstRow }) =>
      `the same as row ${firstRow} (same product, producer, commune/ward and recognition year). Leave one of the two rows out or confirm keeping both.`,
    CELL_ERROR_VALUE: ({ value }) =>
      `the cell holds the Excel error value ${value}, so it is read as empty. Correct the formula or write the value in the file, then import again.`,
    CELL_MISSING_STRING: ({ index }) =>
      `the cell points to text number ${index}, which the file does not have (the file may be damaged), so it is read as empty. Open the file in Excel, save it again, then import again.`,

    FILE_RENAMED: ({ file, format, extension }) => {
      const wearing = extension === '' ? 'has no extension' : `has the extension ${extension}`
      return format === 'xls'
        ? `The file "${file}" is an Excel 97-2003 file (.xls) but ${wearing}. It will be read as .xls.`
        : `The file "${file}" is a CSV text file but ${wearing}. It will be read as CSV.`
    },
    NO_HEADER: () =>
      'no column header row (such as "Tên sản phẩm", "Chủ thể", "Hạng sao") in the first 30 rows. Choose another sheet or use the import template.',
    NO_PRODUCT_COLUMN: ({ headerRows }) =>
      `no product name column in the header (row ${headerRows.join(', ')}). Choose the column holding product names in the column mapping.`,
    NO_ROWS: ({ headerRows }) =>
      `no product rows under the header (row ${headerRows.join(', ')}). Check that the right sheet is chosen, or correct the column mapping.`,

    internal: () =>
      'Something unexpected went wrong. No data was changed. Try again; if it happens again, send the log to technical support.',
    'db.newer': () =>
      'The data on this computer was made by a newer version of OCOP Desk. Install the latest version to open it; the data has not been changed.',
    'demo.loaded': () =>
      'The Mỹ Hào sample data is already loaded. To load it again, remove the sample data first.',
    'producer.has-products': ({ producer, products }) =>
      `The producer "${producer}" still has ${products} products, so it cannot be deleted. Move the products to another producer or merge the two producers, then delete again. No data was changed.`,
    'import.commit.stale': () =>
      'The data has changed since the preview (someone edited it or another import was written). Nothing was written. Check the preview again, then import again.',
    'import.undo.refused': (params) =>
      `This import cannot be undone: ${undoRefusal(params)} Undo the later changes first (or correct by hand).`,
    'report.plan-missing': ({ chosen }) =>
      chosen
        ? 'The chosen plan is not in the data (it may have been deleted). Choose another plan, then make the report again.'
        : 'No plan is chosen for the plan results report. Choose a plan, then make the report again.',
  },
}
