import { describe, expect, it } from 'vitest';
import { barChartSvg } from './svg-chart.js';

const chart = {
  id: 'arrests',
  title: 'Arrests of suspected traffickers',
  groups: [{ bars: [{ label: 'Laos, 2007', value: 23, text: '23' }, { label: 'Yemen, 2009', value: 20, text: 'about 20' }, { label: 'Chile <b>', value: 2, text: '2' }] }],
  source: 'Source: 08VIENTIANE145 ¶5; 10SANAA295 INVESTIGATION AND PROSECUTION OF TRAFFICKERS E.',
};

describe('barChartSvg', () => {
  it('draws one bar per figure on one scale, the longest for the largest value', () => {
    const svg = barChartSvg(chart);
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]! / widths[0]!).toBeCloseTo(20 / 23, 1);
    expect(widths[2]! / widths[0]!).toBeCloseTo(2 / 23, 1);
  });

  it('names the chart and describes every bar for screen readers, and escapes every label', () => {
    const svg = barChartSvg(chart);
    expect(svg).toContain('role="img" aria-labelledby="chart-arrests-t chart-arrests-d"');
    expect(svg).toContain('<desc id="chart-arrests-d">Laos, 2007, 23; Yemen, 2009, about 20; Chile &lt;b&gt;, 2.</desc>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toMatch(/style=/);
    expect(svg).toContain(chart.source);
  });
});
