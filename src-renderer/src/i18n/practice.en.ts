import type { practiceVi } from './practice.vi'

/** English strings of the practice register and of the first start. */
export const practiceEn: typeof practiceVi = {
  practice: {
    banner: 'The practice register is open — SAMPLE DATA, not real figures',
    openReal: 'Back to the real register',
    title: 'Practice register',
    introReal:
      'The practice register is a separate register of sample data for the town of Mỹ Hào: 16 administrative units, 9 products (in 2018: 4 products at 3 stars, 4 at 2 stars, 1 at 4 stars), their evaluations up to 2020 and the 2019-2020 plan with the town’s targets. Add, edit, import and make reports there freely: the real register is not touched and is as you left it when you come back.',
    introPractice:
      'You are in the practice register. "Today" in this register is 31/12/2020. The practice register is not backed up, and every report made from it says "DỮ LIỆU MẪU" (sample data).',
    open: 'Open the practice register',
    reset: 'Start the practice register over',
    resetConfirm:
      'Every change you made in the practice register will be lost; it is filled again with the Mỹ Hào sample data as at first. The real register is not affected.',
    noBackups:
      'The practice register is not backed up, so that sample data never mixes with the backups of the real register. To start over, use "Start the practice register over" under Practice register.',
    noBackupsShort: 'The practice register is not backed up.',
    leftover: {
      title: 'The real register still holds sample data',
      content:
        'Your register still holds {products} Mỹ Hào sample products (with their sample producers and evaluations) that an earlier version loaded. Sample data now lives in a separate practice register. Remove them from the real register so that real figures do not include them? The administrative units loaded stay. You are asked this once only.',
      remove: 'Remove the sample data',
      keep: 'Keep it',
      removed: 'The sample data was removed from the real register ({products} products).',
    },
  },
  firstStart: {
    title: 'Getting started: the communes and wards of your area',
    intro:
      'Products, producers and reports all belong to a commune or ward. Choose how to get the list of administrative units; you can add and edit units later under Administrative units.',
    myHao: 'Load the Mỹ Hào town catalogue',
    myHaoHint: '13 communes and wards of 2019 and 3 wards from 01/07/2025 (Hưng Yên province).',
    csv: 'Import a units list from a CSV file…',
    csvHint:
      'A UTF-8 CSV file whose first line names the columns: code, kind, name, valid_from, valid_to. A line, for example: 12103,Phường,Bần Yên Nhân,,30/06/2025. Only the name column is required.',
    csvTitle: 'Choose a units list (CSV)',
    csvFilter: 'Units list (CSV)',
    empty: 'Start with an empty register',
    emptyHint: 'Add units one by one under Administrative units.',
    practice: 'Just want to try the app first?',
    loaded: '{added} units loaded from "{title}".',
    loadedSkipped:
      '{added} units loaded from "{title}"; {skipped} units were already in the register and were left as they are.',
    failed: 'The units list was not loaded',
  },
}
