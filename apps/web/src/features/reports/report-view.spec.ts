import { createFormatter } from '../../modules/formatting';
import {
  changeOf,
  conversationsChart,
  firstResponseChart,
  heatLevel,
  heatmapRows,
  numberOf,
  periodLabel,
  shares,
} from './report-view';

const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');
const en = createFormatter({ language: 'en', digits: 'latn', timeZone: 'Asia/Riyadh' });
const ar = createFormatter({ language: 'ar', digits: 'arab', timeZone: 'Asia/Riyadh' });

describe('changes against the previous period', () => {
  it('more closed is better, a longer response is worse, ongoing means neither', () => {
    expect(changeOf({ value: 12, previous: 10, change: 0.2 }, 'higher')).toEqual({
      trend: 'up',
      meaning: 'better',
      magnitude: 0.2,
    });
    expect(changeOf({ value: 600, previous: 300, change: 1 }, 'lower')).toEqual({
      trend: 'up',
      meaning: 'worse',
      magnitude: 1,
    });
    expect(changeOf({ value: 240, previous: 300, change: -0.2 }, 'lower')).toEqual({
      trend: 'down',
      meaning: 'better',
      magnitude: 0.2,
    });
    expect(changeOf({ value: 5, previous: 8, change: -0.375 }, 'neutral')?.meaning).toBe('neutral');
  });

  it('no comparison without both numbers; from zero there is a direction but no percent', () => {
    expect(changeOf({ value: 3, previous: null, change: null }, 'higher')).toBeNull();
    expect(changeOf({ value: null, previous: 3, change: null }, 'higher')).toBeNull();
    expect(changeOf({ value: 4, previous: 0, change: null }, 'higher')).toEqual({
      trend: 'up',
      meaning: 'better',
      magnitude: null,
    });
    expect(changeOf({ value: 4, previous: 4, change: 0 }, 'higher')).toEqual({
      trend: 'flat',
      meaning: 'neutral',
      magnitude: 0,
    });
  });

  it('builds a number from two values', () => {
    expect(numberOf(3, 2)).toEqual({ value: 3, previous: 2, change: 0.5 });
    expect(numberOf(3, 0).change).toBeNull();
    expect(numberOf(null, 2).change).toBeNull();
  });
});

describe('busiest hours', () => {
  it('shades by the share of the busiest cell', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(7, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(4);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it("orders the days from the workspace's week start, 24 hours each", () => {
    const cells = Array.from({ length: 7 }, (_, day) =>
      Array.from({ length: 24 }, (_, hour) => (hour === 9 ? day + 1 : 0)),
    );
    const rows = heatmapRows({ cells, max: 7 }, 'saturday');
    expect(rows.map((row) => row.weekday)).toEqual([6, 0, 1, 2, 3, 4, 5]);
    expect(rows[0].cells).toHaveLength(24);
    expect(rows[0].cells[9]).toEqual({ hour: 9, count: 7, level: 4 });
    expect(rows[0].total).toBe(7);
    expect(heatmapRows({ cells, max: 7 }, 'monday')[0].weekday).toBe(1);
  });

  it('copes with missing rows', () => {
    const rows = heatmapRows({ cells: [], max: 0 }, 'sunday');
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.total === 0 && row.cells.every((c) => c.level === 0))).toBe(
      true,
    );
  });
});

describe('charts', () => {
  const points = [
    {
      start: '2026-12-01T21:00:00+00:00',
      new: 4,
      closed: 1,
      reopened: 0,
      firstResponseMedian: 180,
    },
    {
      start: '2026-12-02T21:00:00+00:00',
      new: 2,
      closed: 3,
      reopened: 1,
      firstResponseMedian: null,
    },
  ];

  it('labels the buckets in the workspace zone and language', () => {
    const data = conversationsChart(points, 'day', en, { new: 'New', closed: 'Closed' });
    expect(data.labels.map(visible)).toEqual(['Dec 2', 'Dec 3']);
    expect(data.series.map((s) => [s.label, s.values])).toEqual([
      ['New', [4, 2]],
      ['Closed', [1, 3]],
    ]);
    expect(
      conversationsChart(points, 'day', ar, { new: 'a', closed: 'b', reopened: 'c' }).series,
    ).toHaveLength(3);
    expect(
      conversationsChart(points, 'day', ar, { new: 'a', closed: 'b' }).labels.map(visible),
    ).toEqual(['٢ ديسمبر', '٣ ديسمبر']);
  });

  it('first response in minutes with gaps', () => {
    expect(firstResponseChart(points, 'day', en, 'FRT').series[0].values).toEqual([3, null]);
  });
});

describe('labels', () => {
  it('the period as one day or a range', () => {
    expect(visible(periodLabel({ fromDate: '2026-12-03', toDate: '2026-12-03' }, en))).toBe(
      'December 3, 2026',
    );
    expect(visible(periodLabel({ fromDate: '2026-11-27', toDate: '2026-12-03' }, ar))).toBe(
      '٢٧ نوفمبر ٢٠٢٦ – ٣ ديسمبر ٢٠٢٦',
    );
  });

  it('shares of a distribution', () => {
    expect(shares([1, 0, 0, 1, 2])).toEqual([0.25, 0, 0, 0.25, 0.5]);
    expect(shares([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
});
