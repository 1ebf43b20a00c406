import { useI18n } from 'vue-i18n';
import { useLocale } from '@/composables/useLocale';
import { isolateSigned } from './nps/nps-view';

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
     * +42 / −12 / 0 (٪ is not a unit of NPS), isolated from the sentence around it. With Latin
     * digits the sign stays on the number's left in Arabic text too ("-12", not "12-"): the
     * locale's own direction marks are dropped for a left-to-right isolate. Arabic-Indic digits
     * keep Intl's Arabic mark, which puts the sign before the number in right-to-left reading.
     */
    nps: (value: number | null | undefined) => {
      if (value === null || value === undefined) return dash;
      const text = formatter.value.number(value, {
        signDisplay: 'exceptZero',
        maximumFractionDigits: 0,
      });
      return isolateSigned(text, formatter.value.settings.digits);
    },
    /** "١٢ نقطة": the size of an NPS change. */
    points: (value: number) =>
      t('nps.points', { n: formatter.value.integer(value) }, Math.round(value)),
  };
}
