import type { layoutVi } from './layout.vi'

/** English strings of the column chooser every list has, and of a row's reason in a list. */
export const layoutEn: typeof layoutVi = {
  columns: {
    choose: 'Columns ({shown}/{total})',
    title: 'Choose the columns of the table',
    hint: 'The default columns fit the screen; with more, the table scrolls sideways.',
    reset: 'Back to default',
  },
  rowReason: {
    more: '(and {count} more notes)',
  },
}
