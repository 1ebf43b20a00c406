import type { Digits, Language } from '@sanad/contracts';

/** What a printed report shows: who, when, with which filters, its numbers and its tables. */
export interface ReportDocument {
  language: Language;
  digits: Digits;
  title: string;
  workspaceName: string;
  /** Served to the printing browser by the caller (never fetched from the network). */
  logoUrl: string | null;
  primaryColour: string;
  period: string;
  filters: string[];
  summary: Array<{ label: string; value: string }>;
  /** Bars per bucket, drawn in the reading direction (time runs right to left in Arabic). */
  chart: { title: string; legend: [string, string]; points: Array<[number, number]> } | null;
  tables: Array<{ title: string; rows: string[][] }>;
  fonts: Array<{ weight: number; dataUrl: string; unicodeRange: string }>;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Latin digits as Arabic-Indic when the workspace shows those (text stays as it is). */
export function withDigits(text: string, digits: Digits): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]) : text;
}

function chartSvg(doc: ReportDocument): string {
  if (!doc.chart || doc.chart.points.length === 0) return '';
  const { points } = doc.chart;
  const width = 680;
  const height = 160;
  const max = Math.max(1, ...points.flat());
  const slot = width / points.length;
  const bar = Math.max(1, slot / 2 - 1);
  const rtl = doc.language === 'ar';
  const bars = points
    .map(([a, b], i) => {
      const x = rtl ? width - (i + 1) * slot : i * slot;
      const ha = (a / max) * (height - 10);
      const hb = (b / max) * (height - 10);
      return (
        `<rect x="${x.toFixed(1)}" y="${(height - ha).toFixed(1)}" width="${bar.toFixed(1)}" height="${ha.toFixed(1)}" fill="${doc.primaryColour}"/>` +
        `<rect x="${(x + bar + 1).toFixed(1)}" y="${(height - hb).toFixed(1)}" width="${bar.toFixed(1)}" height="${hb.toFixed(1)}" fill="#94a3b8"/>`
      );
    })
    .join('');
  return `<section><h2>${escape(doc.chart.title)}</h2>
    <p class="legend"><span class="key" style="background:${doc.primaryColour}"></span>${escape(doc.chart.legend[0])}
    <span class="key" style="background:#94a3b8"></span>${escape(doc.chart.legend[1])}</p>
    <svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(doc.chart.title)}">${bars}</svg></section>`;
}

/**
 * The report as one self-contained HTML page for printing: right to left in Arabic, the
 * workspace's logo, digits and fonts, every table in full (customer text escaped, never markup).
 */
export function reportDocumentHtml(doc: ReportDocument): string {
  const d = (text: string) => escape(withDigits(text, doc.digits));
  const dir = doc.language === 'ar' ? 'rtl' : 'ltr';
  const fontFaces = doc.fonts
    .map(
      (f) =>
        `@font-face{font-family:'Report';font-weight:${f.weight};src:url(${f.dataUrl}) format('woff2');unicode-range:${f.unicodeRange}}`,
    )
    .join('');
  const tables = doc.tables
    .map(
      (t) => `<section><h2>${escape(t.title)}</h2><table>
        <thead><tr>${t.rows[0].map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>
        <tbody>${t.rows
          .slice(1)
          // Each cell in its own direction (a date stays left to right), aligned with the page.
          .map((r) => `<tr>${r.map((c) => `<td dir="auto">${d(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></section>`,
    )
    .join('');
  return `<!doctype html><html lang="${doc.language}" dir="${dir}"><head><meta charset="utf-8">
<title>${escape(doc.title)}</title>
<style>${fontFaces}
@page{size:A4;margin:14mm 12mm}
body{font-family:'Noto Sans Arabic','Report',sans-serif;color:#111827;font-size:10.5pt;margin:0}
header{display:flex;align-items:center;justify-content:space-between;border-bottom:3px solid ${doc.primaryColour};padding-bottom:8px;margin-bottom:12px}
header img{max-height:42px;max-width:180px}
h1{font-size:17pt;margin:0}
h2{font-size:12pt;margin:14px 0 6px}
.meta{color:#475569;margin:2px 0}
.cards{display:flex;flex-wrap:wrap;gap:8px}
.card{border:1px solid #e2e8f0;border-radius:6px;padding:6px 10px;min-width:120px}
.card b{display:block;font-size:14pt}
table{border-collapse:collapse;width:100%;font-size:9pt;page-break-inside:auto}
th,td{border:1px solid #e2e8f0;padding:3px 5px;text-align:${doc.language === 'ar' ? 'right' : 'left'};vertical-align:top}
th{background:#f1f5f9}
tr{page-break-inside:avoid}
.legend{color:#475569;font-size:9pt}
.key{display:inline-block;width:10px;height:10px;margin-inline:6px 4px}
</style></head><body>
<header><div><h1>${escape(doc.title)}</h1><p class="meta">${escape(doc.workspaceName)}</p>
<p class="meta">${d(doc.period)}</p>${doc.filters.map((f) => `<p class="meta">${d(f)}</p>`).join('')}</div>
${doc.logoUrl ? `<img src="${escape(doc.logoUrl)}" alt="">` : ''}</header>
<section class="cards">${doc.summary
    .map((s) => `<div class="card">${escape(s.label)}<b>${d(s.value)}</b></div>`)
    .join('')}</section>
${chartSvg(doc)}${tables}
</body></html>`;
}
