import type { TrendChartSpec } from '../../src/views/trend-chart.js';

/** A trend chart spec as the monthly scorecard stores it: four past quarters and a forecast. */
export const chartSpec = (locale: TrendChartSpec['locale'] = 'en'): TrendChartSpec => ({
  kind: 'trend',
  locale,
  points: [
    { period: '2025-Q4', total: 62.5 },
    { period: '2026-Q1', total: null },
    { period: '2026-Q2', total: 71 },
    { period: '2026-Q3', total: 78.4 },
  ],
  forecast: { period: '2026-Q4', total: 83.2 },
  bands: [
    { grade: 'A', minScore: 90 },
    { grade: 'B', minScore: 75 },
    { grade: 'C', minScore: 60 },
    { grade: 'D', minScore: 0 },
  ],
});

/** The PNG signature and the IHDR chunk's width and height (big-endian, bytes 16–23). */
export function pngHeader(png: Uint8Array): { signature: boolean; chunk: string; width: number; height: number } {
  const b = Buffer.from(png);
  return {
    signature: b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    chunk: b.subarray(12, 16).toString('latin1'),
    width: b.readUInt32BE(16),
    height: b.readUInt32BE(20),
  };
}
