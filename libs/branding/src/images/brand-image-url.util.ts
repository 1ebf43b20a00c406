/** Where a brand image is served (public, immutable: the hash changes with the content). */
export const BRAND_IMAGE_PATH = '/api/v1/public/brand';

export function brandImageUrl(hash: string): string {
  return `${BRAND_IMAGE_PATH}/${hash}.png`;
}

/** The hash in a served image's file name (`<32 hex>.png`), or null. */
export function hashOfImageFile(file: string): string | null {
  const match = /^([0-9a-f]{32})\.png$/.exec(file);
  return match ? match[1] : null;
}
