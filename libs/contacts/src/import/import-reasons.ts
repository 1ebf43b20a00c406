import { fieldMessage, fillTemplate, type Language } from '@sanad/core';

/** Why an import refuses a row, in the reader's language; other codes are the field messages. */
const REASONS: Record<string, { ar: string; en: string }> = {
  extraCells: {
    ar: 'في الصف {count} خانة، والملف له {columns} عموداً فقط.',
    en: 'The row has {count} cells; the file has only {columns} columns.',
  },
  cellTooLong: {
    ar: 'الخانة أطول من {max} حرف.',
    en: 'The cell is longer than {max} characters.',
  },
  formula: {
    ar: 'الخانة تبدو صيغة جدول بيانات (تبدأ بـ = أو + أو - أو @)؛ لا تُستورد الصيغ.',
    en: 'The cell looks like a spreadsheet formula (starts with =, +, - or @); formulas are not imported.',
  },
  unknownCategory: {
    ar: 'لا توجد فئة أشخاص باسم «{value}».',
    en: 'There is no people category named "{value}".',
  },
  noIdentity: {
    ar: 'الصف بلا اسم ولا بريد إلكتروني ولا هاتف ولا معرّف خارجي.',
    en: 'The row has no name, email, phone or external id.',
  },
  duplicateInFile: {
    ar: 'مكرر: الصف {row} في الملف نفسه للشخص نفسه.',
    en: 'Duplicate: row {row} of this file is the same person.',
  },
  matchesSeveral: {
    ar: 'يطابق الصف {count} أشخاص مختلفين؛ ادمجهم أولاً أو صحّح الصف.',
    en: 'The row matches {count} different people; merge them first or fix the row.',
  },
  emailInUse: {
    ar: 'البريد الإلكتروني لشخص آخر، والمطابقة بالبريد غير مفعلة.',
    en: 'The email belongs to another person, and matching by email is off.',
  },
  phoneInUse: {
    ar: 'رقم الهاتف لشخص آخر، والمطابقة بالهاتف غير مفعلة.',
    en: 'The phone number belongs to another person, and matching by phone is off.',
  },
  externalIdInUse: {
    ar: 'المعرّف الخارجي لشخص آخر، والمطابقة به غير مفعلة.',
    en: 'The external id belongs to another person, and matching by it is off.',
  },
  isNotEmpty: {
    ar: 'الحقل المطلوب «{key}» فارغ.',
    en: 'The required field "{key}" is empty.',
  },
};

export function importReason(
  code: string,
  language: Language,
  params: Record<string, string | number>,
): string {
  const reason = REASONS[code];
  return reason ? fillTemplate(reason[language], params) : fieldMessage(code, language, params);
}
