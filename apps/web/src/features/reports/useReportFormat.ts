import { useI18n } from 'vue-i18n';
import { useLocale } from '@/composables/useLocale';

/**
 * How report numbers read: counts, durations, ratings out of five, minutes on chart axes, NPS
 * scores (signed, −100..+100) and their changes in points.
 */
export function useReportFormat() {
  const { t } = useI18n();
  const { formatter } = useLocale();
  const dash = '—';
  return {
    count: (value: number | null | undefined) =>
      value === null || value === undefined ? dash : formatter.value.integer(value),
    span: (seconds: number | null | undefined) =>
      seconds === null || seconds === undefined ? dash : formatter.value.span(seconds),
    rating: (value: number | null | undefined) =>
      value === null || value === undefined
        ? dash
        : formatter.value.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    outOfFive: (value: number | null | undefined) =>
      value === null || value === undefined
        ? dash
        : t('reports.outOfFive', {
            value: formatter.value.number(value, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
            max: formatter.value.integer(5),
          }),
    minutes: (value: number) =>
      t('reports.minutesShort', { n: formatter.value.number(value, { maximumFractionDigits: 1 }) }),
    percent: (fraction: number) => formatter.value.percent(fraction),
    /**
     * +42 / −12 / 0 (٪ is not a unit of NPS), isolated: with Latin digits in Arabic text the sign
     * stays on the number's left ("-12", not "12-"); Arabic-Indic digits carry their own mark.
     */
    nps: (value: number | null | undefined) =>
      value === null || value === undefined
        ? dash
        : `\u2068${formatter.value.number(value, { signDisplay: 'exceptZero', maximumFractionDigits: 0 })}\u2069`,
    /** "١٢ نقطة": the size of an NPS change. */
    points: (value: number) =>
      t('nps.points', { n: formatter.value.integer(value) }, Math.round(value)),
  };
}
