import type { IndicatorRow } from './types.js';

/**
 * Which indicators each chart draws, by indicator id from the dataset recipe (datasets/<name>/indicators.json).
 * A bar lists candidate ids, the first present wins; a chart with fewer than `minBars` bars is left out.
 */
export interface BarSpec {
  ids: readonly string[];
  /** Short label for the bar; the indicator's own label when absent. */
  label?: string;
  style?: BarStyle;
}

export type BarStyle = 'solid' | 'medium' | 'light' | 'hatched';

export interface ChartSpec {
  id: string;
  kind: 'funnel' | 'bars';
  title: string;
  /** Bar groups; a group with `minBars` set leaves the whole chart out when it has fewer bars than that. */
  groups: readonly { label?: string; minBars?: number; bars: readonly BarSpec[] }[];
  /** Fewest bars the chart needs in all. */
  minBars: number;
  /** Sentence under the chart; may use {n:<indicator id>} to print a figure. */
  note?: string;
}

/** Charts for the laos-tip-2008 recipe; ids as in datasets/laos-tip-2008/indicators.json. */
export const CHART_SPECS: readonly ChartSpec[] = [
  {
    id: 'law-enforcement',
    kind: 'funnel',
    title: 'From investigation to court',
    minBars: 2,
    groups: [
      {
        minBars: 2,
        bars: [
          { ids: ['investigations-2007'], label: 'Cases investigated', style: 'solid' },
          { ids: ['arrests-2007'], label: 'Arrests', style: 'medium' },
          { ids: ['prosecutions-2007'], label: 'Sent for prosecution', style: 'light' },
        ],
      },
      { bars: [{ ids: ['ongoing-investigations-2007'], label: 'Still under investigation', style: 'hatched' }] },
    ],
  },
  {
    id: 'repatriation',
    kind: 'bars',
    title: 'Victims repatriated from Thailand',
    minBars: 2,
    groups: [
      {
        bars: [
          { ids: ['victims-repatriated-2007'], label: 'In 2007', style: 'solid' },
          { ids: ['victims-repatriated-since-2001'], label: 'Since 2001', style: 'light' },
          { ids: ['victims-repatriated-2008-01'], label: 'January 2008', style: 'hatched' },
        ],
      },
    ],
  },
  {
    id: 'shelters',
    kind: 'bars',
    title: 'Shelter use',
    minBars: 2,
    groups: [
      {
        label: 'LWU shelter',
        bars: [
          { ids: ['lwu-shelter-assisted-2007'], label: 'Assisted in 2007', style: 'solid' },
          { ids: ['lwu-shelter-housed-2008-02'], label: 'Housed, Feb 2008 (full)', style: 'hatched' },
        ],
      },
      {
        label: 'AFESIP shelter',
        bars: [
          { ids: ['afesip-long-term-residents-2007'], label: 'Long-term residents, 2007', style: 'solid' },
          { ids: ['afesip-current-residents'], label: 'Residents, Feb 2008', style: 'hatched' },
          { ids: ['afesip-vocational-training'], label: 'Vocational training', style: 'light' },
        ],
      },
    ],
  },
];

export interface ChartBar {
  label: string;
  indicator: IndicatorRow;
  style: BarStyle;
}

export interface ChartData {
  spec: ChartSpec;
  groups: { label?: string; bars: ChartBar[] }[];
}

/** The charts whose data the indicators hold, in spec order. */
export function selectCharts(indicators: readonly IndicatorRow[], specs: readonly ChartSpec[] = CHART_SPECS): ChartData[] {
  const byId = new Map(indicators.map((i) => [i.indicator_id, i]));
  const charts: ChartData[] = [];
  for (const spec of specs) {
    const found = spec.groups.map((g) => ({
      minBars: g.minBars ?? 0,
      ...(g.label ? { label: g.label } : {}),
      bars: g.bars.flatMap((b): ChartBar[] => {
        const indicator = b.ids.map((id) => byId.get(id)).find((i) => i !== undefined);
        return indicator ? [{ label: b.label ?? indicator.label, indicator, style: b.style ?? 'solid' }] : [];
      }),
    }));
    if (found.some((g) => g.bars.length < g.minBars)) continue;
    const groups = found.filter((g) => g.bars.length > 0).map(({ minBars: _, ...g }) => g);
    const count = groups.reduce((n, g) => n + g.bars.length, 0);
    if (count >= spec.minBars) charts.push({ spec, groups });
  }
  return charts;
}
