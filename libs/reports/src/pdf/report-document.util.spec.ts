import type { AppConfig } from '@sanad/config';
import { DomainError } from '@sanad/core';
import { HtmlToPdf } from './html-to-pdf.service';
import { reportDocumentHtml, withDigits, type ReportDocument } from './report-document.util';
import { humanDuration } from './report-pdf.service';

const doc = (overrides: Partial<ReportDocument> = {}): ReportDocument => ({
  language: 'ar',
  digits: 'arab',
  title: 'تقرير المحادثات',
  workspaceName: 'سند',
  logoUrl: null,
  primaryColour: '#1F7A5C',
  period: '2026-10-01 — 2026-11-30',
  filters: [],
  summary: [{ label: 'جديدة', value: '34' }],
  chart: {
    title: 'المحادثات',
    legend: ['جديدة', 'مغلقة'],
    points: [
      [1, 0],
      [3, 2],
    ],
  },
  tables: [{ title: 'التعليقات', rows: [['التعليق'], ['<img src=x onerror=alert(1)>']] }],
  fonts: [],
  ...overrides,
});

describe('printed reports', () => {
  it('are right to left in Arabic, with the workspace digits, customer text inert', () => {
    const html = reportDocumentHtml(doc());
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<b>٣٤</b>');
    expect(html).toContain('٢٠٢٦-١٠-٠١');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(١)&#62;');
    // Time runs right to left: the first bucket's bar is at the right end.
    expect(html).toMatch(/<rect x="(3\d\d|[4-6]\d\d)\.\d"/);
    const english = reportDocumentHtml(doc({ language: 'en', digits: 'latn' }));
    expect(english).toContain('<html lang="en" dir="ltr">');
    expect(english).toContain('<rect x="0.0"');
  });

  it('digits and durations as people read them', () => {
    expect(withDigits('v1 2026', 'arab')).toBe('v١ ٢٠٢٦');
    expect(withDigits('2026', 'latn')).toBe('2026');
    expect(humanDuration(null, 'en')).toBe('—');
    expect(humanDuration(45, 'en')).toBe('45 s');
    expect(humanDuration(3900, 'en')).toBe('1 h 5 m');
    expect(humanDuration(100_000, 'ar')).toBe('1 يوم 3 س');
  });

  it('without Chromium, say so (the CSV still works)', async () => {
    const printer = new HtmlToPdf({ chromiumPath: '/nonexistent/chromium' } as AppConfig);
    expect(await printer.available()).toBe(false);
    await expect(printer.print('<p>x</p>', new Map())).rejects.toEqual(
      new DomainError('reports/pdf_unavailable'),
    );
  });
});
