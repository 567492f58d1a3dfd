import type { plansVi } from './plans.vi'

/** English strings of the plan-progress charts. */
export const plansEn: typeof plansVi = {
  planChart: {
    savePng: 'Save PNG image',
    saved: 'Saved the image {name}.',
    series: {
      baseline: 'Baseline',
      current: 'Current',
      target: 'Target',
    },
    star: {
      title: 'Products by star level',
      level: '{n}★',
      fileName: 'star-levels-chart',
      description:
        'Bar chart of products by star level: baseline ({baselineDate}), current ({date}) and target. {levels}',
      levelSummary: '{n} stars: baseline {baseline}, current {current}, target {target}.',
      noTarget: 'none set',
    },
    target: {
      title: 'Progress of each target',
      empty: 'The plan has no targets yet.',
      year: 'Year',
      value: 'Value',
      goal: 'Target: {goal}',
      heading: '{label} — target {goal} by {deadline}',
      description: '{label}: {points}. Target {goal} by {deadline}.',
      point: '{year}: {value}',
      fileName: 'target-{n}',
      kind: {
        'stars-exactly': 'Products with exactly {n} stars',
        'stars-at-least': 'Products with {n} stars or more',
        'new-products': 'New OCOP products in the period',
        'upgraded-products': 'Products upgraded',
        'units-covered': 'Communes with OCOP products',
        'units-covered-share': 'Share of communes with OCOP products (%)',
        'unit-products': 'Products with {n}+ stars in {unit}',
        'product-stars': 'Stars of {product}',
        other: 'Other target',
      },
    },
    unit: {
      title: 'OCOP products by commune',
      axis: 'OCOP products',
      none: 'none',
      noneList: 'No OCOP products: {units}.',
      allCovered: 'Every commune has OCOP products.',
      empty: 'No commune is valid on this date.',
      fileName: 'communes-chart',
      description: 'Bar chart of OCOP products per commune on {date}. {units}',
      unitSummary: '{unit}: {products}.',
    },
    products: {
      title: 'Upgrade of each product',
      empty: 'No product was ranked in the period.',
      col: {
        product: 'Product',
        baseline: 'Baseline ★',
        current: 'Current ★',
        target: 'Target ★',
        change: 'Change',
        status: 'Status',
      },
    },
    change: {
      'nang-hang': 'Upgraded',
      'giu-nguyen': 'Unchanged',
      'ha-hang': 'Downgraded',
      moi: 'New',
      'mat-hang': 'Lost rank',
    },
    status: {
      dat: 'Reached',
      'dang-thuc-hien': 'On track',
      cham: 'Behind',
      'khong-dat': 'Missed',
    },
  },
}
