import type { formsVi } from './forms.vi'

/** English strings shared by every add/edit form. */
export const formsEn: typeof formsVi = {
  forms: {
    keys: 'Enter saves, Esc cancels',
    required: 'required',
    requiredLegend: '* marks a required field',
    discard: {
      title: 'Discard unsaved changes?',
      content: 'What you have just entered in this form will be lost.',
      confirm: 'Discard changes',
      keep: 'Keep editing',
    },
    typed: {
      notNumber: '"{text}" is not a number.',
      notWholeNumber:
        '"{text}" cannot be read as a whole number. Enter a number, for example 2019.',
      dateUnreadable: 'A date is day/month/year, for example 05/11/2019.',
      dateInvalid: 'There is no {text} in the calendar.',
    },
    date: {
      placeholder: 'dd/mm/yyyy',
      pick: 'Pick a date on the calendar',
    },
    hints: {
      fromRegister: 'From register',
      recognisedStars: 'As decided',
      taxCode: 'e.g. 0900123456 (leave empty if none)',
    },
    units: {
      until: 'until {date}',
      from: 'from {date}',
    },
    duplicates: {
      product: 'The register already has the product "{name}" of {producer}.',
      producerTaxCode:
        'The register already has the producer "{name}" with the tax number {taxCode}.',
      producerName: 'The register already has the producer "{name}" of the same name in {unit}.',
      producerNameNoUnit:
        'The register already has the producer "{name}" of the same name, also with no commune or ward.',
      openProduct: 'Open the existing product',
      openProducer: 'Open the existing producer',
      reason: 'Reason to save anyway',
      reasonHint: 'e.g. another packaging, another growing area',
      reasonRequired:
        'Open the existing one, or give a reason to save anyway (it is kept in the change log).',
    },
    move: {
      up: 'Move up',
      down: 'Move down',
    },
  },
}
