import type { WorkspaceView } from '@sanad/contracts';
import { brandVariables, type BrandVariables } from './brand-colours';

export type WorkspaceBrand = WorkspaceView['brand'];

const VARIABLES: Array<keyof BrandVariables> = [
  '--brand-primary',
  '--brand-primary-hover',
  '--brand-primary-soft',
  '--brand-on-primary',
  '--brand-link',
];

/** One `<link>` in the head we own (by rel), created when needed. */
function headLink(rel: string, sizes?: string): HTMLLinkElement {
  const selector = `link[rel="${rel}"][data-brand]`;
  let link = document.head.querySelector<HTMLLinkElement>(selector);
  if (!link) {
    link = document.createElement('link');
    link.rel = rel;
    link.dataset.brand = '';
    if (sizes) link.sizes.value = sizes;
    document.head.append(link);
  }
  return link;
}

function setIcon(rel: string, href: string | undefined, sizes?: string): void {
  if (!href) {
    document.head.querySelector(`link[rel="${rel}"][data-brand]`)?.remove();
    return;
  }
  const link = headLink(rel, sizes);
  if (link.getAttribute('href') !== href) link.href = href;
}

/**
 * Wears the workspace's brand: the accent colours on :root (main.css reads them; buttons and
 * links stay readable whatever the colour), the favicon and the apple-touch icon. `null` (logged
 * out) goes back to Sanad's own look.
 */
export function applyBrand(brand: WorkspaceBrand | null | undefined): void {
  const root = document.documentElement;
  if (!brand) {
    VARIABLES.forEach((name) => root.style.removeProperty(name));
    setIcon('icon', undefined);
    setIcon('apple-touch-icon', undefined);
    return;
  }
  const variables = brandVariables(brand.colours);
  for (const name of VARIABLES) root.style.setProperty(name, variables[name]);
  setIcon('icon', brand.icon?.urls[32], '32x32');
  setIcon('apple-touch-icon', brand.icon?.urls[180], '180x180');
}
