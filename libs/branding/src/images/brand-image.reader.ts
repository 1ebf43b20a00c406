import {
  BRAND_IMAGE_MAX_BYTES,
  ICON_MAX_SIZE,
  ICON_MIN_SIZE,
  ICON_SIZES,
  LOGO_MAX,
  LOGO_RECOMMENDED,
  type IconSize,
} from '@sanad/contracts';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { BRAND_IMAGE_FORMATS, BRAND_IMAGE_LIMIT, refusal } from './brand-image-refusal';
import { svgHazard } from './svg-safety.util';

/** One re-encoded image, ready to store under its content hash. */
export interface BrandImage {
  hash: string;
  contentType: 'image/png';
  width: number;
  height: number;
  data: Buffer;
}

const FORMATS = new Set(['png', 'jpeg', 'webp', 'svg']);

/** Decoding stops past this many pixels, whatever the header claimed (bombs). */
const MAX_INPUT_PIXELS = LOGO_MAX.width * LOGO_MAX.height * 4;

/**
 * Reads an uploaded logo or icon as what its bytes are (never the declared type), checks its
 * size from the header before decoding any pixel, and re-encodes it as PNG: metadata stripped,
 * SVG rasterised (so no script or reference in it ever reaches a browser or a mail client).
 */
export class BrandImageReader {
  async logo(data: Buffer): Promise<BrandImage> {
    const { format, width, height } = await this.inspect(data);
    if (width > LOGO_MAX.width || height > LOGO_MAX.height)
      throw refusal('brand/logo_too_large_pixels', 'maxPixels', {
        size: `${width}×${height}`,
        max: `${LOGO_MAX.width}×${LOGO_MAX.height}`,
        recommended: `${LOGO_RECOMMENDED.width}×${LOGO_RECOMMENDED.height}`,
      });
    const png = await this.decode(data, format).png({ compressionLevel: 9 }).toBuffer();
    return image(png, width, height);
  }

  /** The icon in every generated size (favicon 32, apple-touch 180, PWA and widget 192, 512). */
  async icon(data: Buffer): Promise<Record<IconSize, BrandImage>> {
    const { format, width, height } = await this.inspect(data);
    if (width !== height)
      throw refusal('brand/icon_not_square', 'squareImage', { size: `${width}×${height}` });
    if (width < ICON_MIN_SIZE)
      throw refusal(
        'brand/icon_too_small',
        'minPixels',
        { size: `${width}×${height}`, min: ICON_MIN_SIZE },
        { size: `${width}×${height}`, min: `${ICON_MIN_SIZE}×${ICON_MIN_SIZE}` },
      );
    if (width > ICON_MAX_SIZE)
      throw refusal(
        'brand/icon_too_large_pixels',
        'maxPixels',
        { size: `${width}×${height}`, max: `${ICON_MAX_SIZE}×${ICON_MAX_SIZE}` },
        {
          size: `${width}×${height}`,
          max: `${ICON_MAX_SIZE}×${ICON_MAX_SIZE}`,
          recommended: '512×512',
        },
      );
    const source = await this.decode(data, format).png().toBuffer();
    const sizes = await Promise.all(
      ICON_SIZES.map(async (size) => {
        const png = await sharp(source)
          .resize(size, size, { fit: 'cover' })
          .png({ compressionLevel: 9 })
          .toBuffer();
        return [size, image(png, size, size)] as const;
      }),
    );
    return Object.fromEntries(sizes) as Record<IconSize, BrandImage>;
  }

  /** What the bytes are and their declared dimensions: the header only, no pixel decoded. */
  private async inspect(data: Buffer): Promise<{ format: string; width: number; height: number }> {
    if (data.length === 0) throw refusal('brand/image_missing', 'isNotEmpty');
    if (data.length > BRAND_IMAGE_MAX_BYTES)
      throw refusal('brand/image_too_large', 'maxFileSize', { limit: BRAND_IMAGE_LIMIT });
    const metadata = await sharp(data, { limitInputPixels: false })
      .metadata()
      .catch(() => null);
    if (!metadata?.format || !FORMATS.has(metadata.format) || !metadata.width || !metadata.height)
      throw refusal('brand/image_type', 'fileType', {}, { allowed: BRAND_IMAGE_FORMATS });
    if (metadata.format === 'svg') {
      const hazard = svgHazard(data.toString('utf8'));
      if (hazard) throw refusal('brand/svg_unsafe', 'svgUnsafe', { reason: hazard });
    }
    return { format: metadata.format, width: metadata.width, height: metadata.height };
  }

  /** A decoder that refuses to go past the pixel budget, whatever the header said. */
  private decode(data: Buffer, format: string): sharp.Sharp {
    return sharp(data, {
      limitInputPixels: format === 'svg' ? false : MAX_INPUT_PIXELS,
      failOn: 'error',
    }).rotate();
  }
}

function image(data: Buffer, width: number, height: number): BrandImage {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
  return { hash, contentType: 'image/png', width, height, data };
}
