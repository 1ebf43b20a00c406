import { fillTemplate } from './error-catalog';
import type { Language } from './language.util';

/** Field-level reasons, keyed by the class-validator constraint (or our own rule) name. */
const FIELD_MESSAGES: Record<string, { ar: string; en: string }> = {
  isEmail: { ar: 'أدخل بريداً إلكترونياً صحيحاً.', en: 'Enter a valid email address.' },
  isNotEmpty: { ar: 'هذا الحقل مطلوب.', en: 'This field is required.' },
  isDefined: { ar: 'هذا الحقل مطلوب.', en: 'This field is required.' },
  isString: { ar: 'يجب أن تكون القيمة نصاً.', en: 'The value must be text.' },
  minLength: {
    ar: 'يجب ألا يقل الطول عن {min} {letters}.',
    en: 'Must be at least {min} characters long.',
  },
  maxLength: {
    ar: 'يجب ألا يزيد الطول عن {max} {letters}.',
    en: 'Must be at most {max} characters long.',
  },
  isIn: {
    ar: 'القيمة غير مسموحة. القيم المسموحة: {allowed}.',
    en: 'Not allowed. Allowed values: {allowed}.',
  },
  isTimeZone: { ar: 'منطقة زمنية غير معروفة.', en: 'Unknown time zone.' },
  ratingScore: { ar: 'اختر من نجمة واحدة إلى خمس نجوم.', en: 'Choose from 1 to 5 stars.' },
  npsScore: { ar: 'اختر رقمًا من 0 إلى 10.', en: 'Choose a number from 0 to 10.' },
  unknownTag: { ar: 'الوسم غير موجود.', en: 'This tag does not exist.' },
  unknownCustomField: {
    ar: 'لا يوجد حقل مخصص للأشخاص بالمعرّف «{key}».',
    en: 'No custom field of people has the key "{key}".',
  },
  fieldKey: {
    ar: 'المعرّف حروف لاتينية صغيرة وأرقام و_ ويبدأ بحرف (حتى ٤٠ محرفاً).',
    en: 'Keys are lowercase letters, digits and _, starting with a letter (up to 40).',
  },
  duplicateKey: { ar: 'المعرّف «{key}» مكرر.', en: 'The key "{key}" is used twice.' },
  noInputField: {
    ar: 'أضف حقلاً واحداً على الأقل يجيب عنه العميل.',
    en: 'Add at least one field the customer answers.',
  },
  minAboveMax: { ar: 'الحد الأدنى أكبر من الحد الأقصى.', en: 'The minimum is above the maximum.' },
  optionValue: {
    ar: 'قيمة الخيار حروف لاتينية وأرقام و_ و- (حتى ٦٠ محرفاً).',
    en: 'Option values are letters, digits, _ and - (up to 60).',
  },
  fileType: {
    ar: 'نوع الملف غير مسموح. المسموح: {allowed}.',
    en: 'This file type is not allowed. Allowed: {allowed}.',
  },
  tooManyFiles: {
    ar: 'عدد الملفات أكثر من المسموح ({max}).',
    en: 'Too many files (at most {max}).',
  },
  fileTooLarge: {
    ar: 'الملف «{name}» أكبر من المسموح ({limit}).',
    en: 'The file "{name}" is too large (at most {limit}).',
  },
  maxFileSize: {
    ar: 'حجم الملف أكبر من المسموح (الحد {limit}).',
    en: 'The file is too large (at most {limit}).',
  },
  maxPixels: {
    ar: 'أبعاد الصورة {size} بكسل أكبر من المسموح (الحد {max} بكسل، والمقترح {recommended} بكسل).',
    en: 'The image is {size} px, larger than allowed (at most {max} px; {recommended} px recommended).',
  },
  minPixels: {
    ar: 'الصورة أصغر من المسموح ({size} بكسل؛ الحد الأدنى {min} بكسل).',
    en: 'The image is too small ({size} px; at least {min} px).',
  },
  squareImage: {
    ar: 'يجب أن تكون الصورة مربعة (أبعادها الحالية {size} بكسل).',
    en: 'The image must be square (it is {size} px).',
  },
  svgUnsafe: {
    ar: 'ملف SVG يحتوي على {reason}، وهذا غير مسموح.',
    en: 'The SVG contains {reason}, which is not allowed.',
  },
  mappingType: {
    ar: 'لا يمكن لحقل من نوع {type} أن يملأ «{property}».',
    en: 'A {type} field cannot fill "{property}".',
  },
  mapping: {
    ar: 'الربط غير صالح: اختر خاصية لجهة الاتصال أو حقلاً مخصصاً.',
    en: 'Not a valid mapping: choose a contact property or a custom field.',
  },
  origin: {
    ar: 'اكتب أصل الموقع فقط، مثل https://shop.example.',
    en: 'Write the site origin only, such as https://shop.example.',
  },
  redirectNotAllowed: {
    ar: 'التحويل مسموح فقط إلى المواقع المسموح لها بتضمين النموذج (أضف {origin}).',
    en: 'Redirects may only go to the sites allowed to embed the form (add {origin}).',
  },
  arrayMinSize: { ar: 'أضف عنصراً واحداً على الأقل.', en: 'Add at least one.' },
  isObject: { ar: 'يجب أن تكون القيمة كائناً.', en: 'The value must be an object.' },
  hexColour: {
    ar: 'اكتب اللون بالصيغة الست عشرية مثل ‎#45B97C أو ‎#4B7.',
    en: 'Write the colour in hex, such as #45B97C or #4B7.',
  },
  slugTaken: { ar: 'هذا المعرّف مستخدم لصندوق آخر.', en: 'Another mailbox uses this slug.' },
  contactIdentity: {
    ar: 'حدّد جهة الاتصال ببريد إلكتروني أو هاتف أو معرّف خارجي.',
    en: 'Identify the contact by email, phone or external id.',
  },
  unknownMessage: {
    ar: 'هذه الرسالة ليست في المحادثة.',
    en: 'This message is not in the conversation.',
  },
  assigneeInvalid: {
    ar: 'الموظف غير موجود أو معطّل.',
    en: 'This member does not exist or is deactivated.',
  },
  invalidCursor: { ar: 'مؤشر الصفحة غير صالح.', en: 'The page cursor is not valid.' },
  tagNameTaken: { ar: 'يوجد وسم بهذا الاسم.', en: 'A tag with this name exists.' },
  teamNameTaken: { ar: 'يوجد فريق بهذا الاسم.', en: 'A team with this name exists.' },
  unknownMember: {
    ar: 'أحد الموظفين غير موجود في مساحة العمل.',
    en: 'One of the members is not in this workspace.',
  },
  unknownAttachment: {
    ar: 'المرفق غير موجود أو أُرسل من قبل؛ ارفعه من جديد.',
    en: 'This attachment does not exist or was already sent; upload it again.',
  },
  unknownMention: {
    ar: 'لا يمكن الإشارة إلى هذا الموظف هنا.',
    en: 'This member cannot be mentioned here.',
  },
  unknownMailbox: { ar: 'صندوق البريد غير موجود.', en: 'This mailbox does not exist.' },
  unknownTeam: { ar: 'الفريق غير موجود.', en: 'This team does not exist.' },
  isUuid: { ar: 'المعرّف غير صالح.', en: 'The id is not valid.' },
  matches: { ar: 'الصيغة غير صحيحة.', en: 'The format is not valid.' },
  isDate: { ar: 'أدخل تاريخاً صحيحاً.', en: 'Enter a valid date.' },
  minDate: { ar: 'التاريخ أقدم من المسموح.', en: 'The date is earlier than allowed.' },
  maxDate: { ar: 'التاريخ أبعد من المسموح.', en: 'The date is later than allowed.' },
  controlCharacter: {
    ar: 'القيمة تحتوي على محارف تحكم غير مسموحة.',
    en: 'The value contains control characters, which are not allowed.',
  },
  isInt: { ar: 'يجب أن تكون القيمة عدداً صحيحاً.', en: 'The value must be a whole number.' },
  min: { ar: 'يجب ألا تقل القيمة عن {min}.', en: 'Must be at least {min}.' },
  max: { ar: 'يجب ألا تزيد القيمة عن {max}.', en: 'Must be at most {max}.' },
  isBoolean: { ar: 'يجب أن تكون القيمة صحيحاً أو خطأ.', en: 'The value must be true or false.' },
  isArray: { ar: 'يجب أن تكون القيمة قائمة.', en: 'The value must be a list.' },
  arrayMaxSize: { ar: 'عدد العناصر أكبر من {max}.', en: 'At most {max} items.' },
  whitelistValidation: {
    ar: 'حقل غير معروف: {property}.',
    en: 'Unknown field: {property}.',
  },
  emailTaken: {
    ar: 'هذا البريد الإلكتروني مستخدم مسبقاً.',
    en: 'This email address is already in use.',
  },
  wrongCurrentPassword: {
    ar: 'كلمة المرور الحالية غير صحيحة.',
    en: 'The current password is incorrect.',
  },
  isNumber: { ar: 'يجب أن تكون القيمة رقماً.', en: 'The value must be a number.' },
  isUrl: { ar: 'أدخل رابطاً صحيحاً يبدأ بـ http أو https.', en: 'Enter a valid http or https link.' },
  isPhone: {
    ar: 'أدخل رقم هاتف صحيحاً، مع رمز الدولة إن لم يكن محلياً.',
    en: 'Enter a valid phone number, with its country code unless it is local.',
  },
  unknownField: {
    ar: 'لا يوجد حقل مخصص بالمفتاح {key}.',
    en: 'There is no custom field with the key {key}.',
  },
  unknownFormField: {
    ar: 'لا يوجد في هذا النموذج حقل بالمفتاح {key}.',
    en: 'This form has no field with the key {key}.',
  },
  malformedBody: {
    ar: 'تعذرت قراءة محتوى الطلب.',
    en: 'The request body could not be read.',
  },
  duplicateOption: { ar: 'الخيار {value} مكرر.', en: 'The option {value} appears twice.' },
  categoryOrder: {
    ar: 'أرسل كل الفئات مرة واحدة لكل منها بالترتيب الجديد.',
    en: 'Send every category once, in the new order.',
  },
  domainInUse: {
    ar: 'أحد هذه النطاقات لشركة أخرى.',
    en: 'One of these domains belongs to another company.',
  },
  unknownContact: { ar: 'الشخص غير موجود في جهات الاتصال.', en: 'This person is not in contacts.' },
  unknownCategory: { ar: 'الفئة غير موجودة.', en: 'This category does not exist.' },
  unknownSurvey: { ar: 'الاستطلاع غير موجود.', en: 'This survey does not exist.' },
  unknownCompany: { ar: 'الشركة غير موجودة.', en: 'This company does not exist.' },
  emailInUse: {
    ar: 'هذا البريد الإلكتروني لشخص آخر في جهات الاتصال.',
    en: 'Another person in contacts has this email address.',
  },
  phoneInUse: {
    ar: 'رقم الهاتف هذا لشخص آخر في جهات الاتصال.',
    en: 'Another person in contacts has this phone number.',
  },
  externalIdInUse: {
    ar: 'المعرّف الخارجي هذا لشخص آخر في جهات الاتصال.',
    en: 'Another person in contacts has this external id.',
  },
  weakPassword: {
    ar: 'كلمة المرور ضعيفة: يجب ألا تقل عن {min} أحرف وألا تكون شائعة.',
    en: 'The password is too weak: use at least {min} characters and avoid common passwords.',
  },
  webhookSearch: {
    ar: 'ابحث بمعرّف الخطاف (msg_…) أو بمعرّف المحادثة أو الرسالة أو جهة الاتصال.',
    en: 'Search by webhook id (msg_…) or by the id of a conversation, message or contact.',
  },
  unknownEvents: { ar: 'نوع حدث غير معروف.', en: 'Unknown event type.' },
  headerNotAllowed: {
    ar: 'لا يمكن تعيين هذه الترويسة.',
    en: 'This header cannot be set.',
  },
  isIso8601: {
    ar: 'أدخل تاريخاً صحيحاً بالصيغة YYYY-MM-DD.',
    en: 'Enter a valid date as YYYY-MM-DD.',
  },
  endBeforeStart: {
    ar: 'تاريخ النهاية قبل تاريخ البداية.',
    en: 'The end date is before the start date.',
  },
  rangeTooLong: {
    ar: 'الفترة أطول من {max} سنوات.',
    en: 'The period is longer than {max} years.',
  },
  headerValue: {
    ar: 'قيمة الترويسة نص من سطر واحد حتى 1000 حرف.',
    en: 'A header value is one line of text up to 1,000 characters.',
  },
};

const FALLBACK = { ar: 'القيمة غير صالحة.', en: 'The value is not valid.' };

export function fieldMessage(
  code: string,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  const entry = FIELD_MESSAGES[code] ?? FALLBACK;
  const count = Number(params.min ?? params.max);
  const letters = Number.isFinite(count) ? arabicLetters(count) : 'حرف';
  return fillTemplate(entry[language], { letters, ...params });
}

/**
 * "Letters" after a number in Arabic: 3–10 take the plural (١٠ أحرف), 11–99 the accusative
 * singular (٦٠ حرفاً), and 100, 200, … and the rest the genitive singular (٢٠٠ حرف).
 */
export function arabicLetters(count: number): string {
  const mod100 = Math.abs(count) % 100;
  if (mod100 >= 3 && mod100 <= 10) return 'أحرف';
  if (mod100 >= 11 && mod100 <= 99) return 'حرفاً';
  return 'حرف';
}
