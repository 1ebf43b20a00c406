import {
  DEFAULT_BRAND,
  type FormField,
  type FormFieldType,
  type PublicFormView,
  type PublicThemeView,
} from '@sanad/contracts';

/** A field with every rule off; tests and the visual check override what they need. */
export function sampleField(
  type: FormFieldType,
  key: string,
  label: { ar: string; en: string },
  extra: Partial<FormField> = {},
): FormField {
  return {
    key,
    type,
    label,
    help: null,
    placeholder: null,
    required: false,
    minLength: null,
    maxLength: null,
    min: null,
    max: null,
    options: [],
    file: null,
    mapTo: null,
    ...extra,
  };
}

/** A form with one field of every type (the unit tests and scripts/dev/render-form-page.ts). */
export function sampleForm(overrides: Partial<PublicFormView> = {}): PublicFormView {
  return {
    key: 'k7Qm2xPa',
    name: 'تواصل معنا',
    state: 'open',
    version: 3,
    languages: 'both',
    fields: [
      sampleField('heading', 'about_you', { ar: 'معلوماتك', en: 'About you' }),
      sampleField('paragraph', 'intro', {
        ar: 'نرد عادةً خلال يوم عمل واحد. اكتب لنا بالتفصيل لنساعدك أسرع.',
        en: 'We usually reply within one working day. Tell us the details so we can help faster.',
      }),
      sampleField(
        'short_text',
        'name',
        { ar: 'الاسم الكامل', en: 'Full name' },
        {
          required: true,
          maxLength: 120,
          placeholder: { ar: 'مثال: سارة العتيبي', en: 'e.g. Sarah Smith' },
          mapTo: { kind: 'contact', property: 'name' },
        },
      ),
      sampleField(
        'email',
        'email',
        { ar: 'البريد الإلكتروني', en: 'Email' },
        {
          required: true,
          help: { ar: 'سنرسل الرد إلى هذا البريد.', en: 'We will reply to this address.' },
          mapTo: { kind: 'contact', property: 'email' },
        },
      ),
      sampleField(
        'phone',
        'phone',
        { ar: 'رقم الجوال', en: 'Mobile number' },
        {
          placeholder: { ar: '05x xxx xxxx', en: '05x xxx xxxx' },
        },
      ),
      sampleField(
        'select',
        'topic',
        { ar: 'الموضوع', en: 'Topic' },
        {
          required: true,
          options: [
            { value: 'order', label: { ar: 'طلب قائم', en: 'An existing order' } },
            { value: 'billing', label: { ar: 'الفواتير والدفع', en: 'Billing and payment' } },
            { value: 'other', label: { ar: 'أخرى', en: 'Something else' } },
          ],
        },
      ),
      sampleField(
        'number',
        'order_number',
        { ar: 'رقم الطلب', en: 'Order number' },
        {
          min: 1,
          help: { ar: 'تجده في رسالة تأكيد الطلب.', en: 'It is in your order confirmation.' },
        },
      ),
      sampleField('decimal', 'amount', { ar: 'المبلغ (ر.س)', en: 'Amount (SAR)' }),
      sampleField(
        'date',
        'order_date',
        { ar: 'تاريخ الطلب', en: 'Order date' },
        {
          min: '2024-01-01',
          max: '2026-12-31',
        },
      ),
      sampleField(
        'radio',
        'contact_by',
        { ar: 'كيف نتواصل معك؟', en: 'How should we reach you?' },
        {
          required: true,
          options: [
            { value: 'email', label: { ar: 'بالبريد الإلكتروني', en: 'By email' } },
            { value: 'phone', label: { ar: 'باتصال هاتفي', en: 'By phone' } },
            { value: 'whatsapp', label: { ar: 'واتساب', en: 'WhatsApp' } },
          ],
        },
      ),
      sampleField(
        'multi_select',
        'products',
        { ar: 'المنتجات المعنية', en: 'Products concerned' },
        {
          options: [
            { value: 'app', label: { ar: 'التطبيق', en: 'The app' } },
            { value: 'web', label: { ar: 'الموقع', en: 'The website' } },
            { value: 'store', label: { ar: 'المتجر', en: 'The store' } },
          ],
        },
      ),
      sampleField('url', 'website', { ar: 'رابط متجرك', en: 'Your store link' }),
      sampleField(
        'long_text',
        'message',
        { ar: 'رسالتك', en: 'Your message' },
        {
          required: true,
          minLength: 10,
          maxLength: 4000,
          placeholder: { ar: 'اكتب ما تحتاج إليه…', en: 'What do you need?' },
        },
      ),
      sampleField(
        'file',
        'attachments',
        { ar: 'مرفقات', en: 'Attachments' },
        {
          file: { maxFiles: 3, maxSizeMb: 10, accept: ['image/*', '.pdf'] },
        },
      ),
      sampleField('hidden', 'campaign', { ar: 'الحملة', en: 'Campaign' }),
      sampleField(
        'checkbox',
        'consent',
        {
          ar: 'أوافق على معالجة بياناتي للرد على طلبي.',
          en: 'I agree that my data is used to answer my request.',
        },
        { required: true },
      ),
    ],
    thankYou: {
      ar: 'شكراً لتواصلك معنا!\nوصلتنا رسالتك وسنرد عليك قريباً.',
      en: 'Thank you for reaching out!\nWe got your message and will reply soon.',
    },
    closedMessage: {
      ar: 'لم يعد هذا النموذج يستقبل ردوداً.',
      en: 'This form no longer accepts answers.',
    },
    redirectUrl: null,
    challenge: false,
    maxRequestBytes: 30 * 1024 * 1024,
    ...overrides,
  };
}

export function sampleTheme(overrides: Partial<PublicThemeView> = {}): PublicThemeView {
  return {
    name: 'متجر الورد',
    slug: 'alward',
    language: 'ar',
    colours: DEFAULT_BRAND.colours,
    logoUrl: null,
    iconUrls: null,
    ...overrides,
  };
}
