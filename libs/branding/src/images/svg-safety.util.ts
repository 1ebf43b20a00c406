/**
 * Why an SVG may not be used as a logo, or null. SVGs are rasterised before anyone sees them,
 * so this guards the rasteriser: it must not fetch or read anything (external references) and
 * the file should not carry active content at all.
 */
export function svgHazard(svg: string): string | null {
  const text = svg.replace(/<!--[\s\S]*?-->/g, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'DOCTYPE/ENTITY';
  if (/<script\b/i.test(text)) return '<script>';
  if (/<foreignObject\b/i.test(text)) return '<foreignObject>';
  if (/\son[a-z]+\s*=/i.test(text)) return 'event handlers (on…)';
  if (/@import\b/i.test(text)) return '@import';
  // Only fragment links (#id) and inline data may be referenced.
  for (const match of text.matchAll(/(?:href|src)\s*=\s*["']\s*([^"']*)["']/gi))
    if (!/^(#|data:image\/)/i.test(match[1])) return `${match[1].slice(0, 60) || 'href'}`;
  for (const match of text.matchAll(/url\(\s*["']?\s*([^)"']*)/gi))
    if (!/^(#|data:image\/)/i.test(match[1])) return `url(${match[1].slice(0, 60)})`;
  return null;
}
