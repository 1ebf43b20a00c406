import {
  BRAND_IMAGE_MAX_BYTES,
  ICON_MAX_SIZE,
  ICON_MIN_SIZE,
  LOGO_MAX,
  LOGO_RECOMMENDED,
} from '@sanad/contracts';
import { useI18n } from 'vue-i18n';
import { ApiError, errorMessage } from '@/api/client';
import { useLocale } from '@/composables/useLocale';

/** The image types the server takes for the logo and the icon (it checks the bytes, not this). */
export const BRAND_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];

/**
 * Brand upload errors (`brand/...`) in the user's language with the limits in their digits; any
 * other error as the server worded it.
 */
export function useBrandErrors() {
  const { t, te } = useI18n();
  const { formatNumber, formatFileSize } = useLocale();

  function limits(): Record<string, string> {
    return {
      maxWidth: formatNumber(LOGO_MAX.width),
      maxHeight: formatNumber(LOGO_MAX.height),
      width: formatNumber(LOGO_RECOMMENDED.width),
      height: formatNumber(LOGO_RECOMMENDED.height),
      size: formatFileSize(BRAND_IMAGE_MAX_BYTES),
      min: formatNumber(ICON_MIN_SIZE),
      max: formatNumber(ICON_MAX_SIZE),
    };
  }

  function message(error: unknown): string {
    if (error instanceof ApiError && error.code.startsWith('brand/')) {
      const key = `brandSettings.errors.${error.code.slice('brand/'.length)}`;
      if (te(key)) return t(key, limits());
    }
    return errorMessage(error);
  }

  /** What the browser can tell before sending: the declared type and the size. */
  function precheck(file: File): string | null {
    if (file.type && !BRAND_IMAGE_TYPES.includes(file.type))
      return t('brandSettings.errors.image_type', limits());
    if (file.size > BRAND_IMAGE_MAX_BYTES)
      return t('brandSettings.errors.image_too_large', limits());
    return null;
  }

  return { message, precheck, limits };
}
