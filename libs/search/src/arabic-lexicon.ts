import { finalForm, foldLetters } from './fold.util';

/**
 * The few words the Arabic stemmer must know by heart: where a letter that looks like a
 * clitic belongs to the word, stripping it would meet another word (بطاقة is not ب + طاقة,
 * كريمة is not ك + ريمة). Written as people write them; compared in their indexed spelling.
 */
const indexed = (words: string): string[] =>
  words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => finalForm(foldLetters(w)));

/** Beginnings where و ف ب ك ل is the word's own first letter. */
export const OWN_FIRST_LETTER: readonly string[] = indexed(`
  بطاق بضاع برهان بلدي بعيد بنود بقال بحار بسام بريد بشرى بيان
  كريم كمال كامل كلام كتاب
  لبن لطيف لطف لجن ليل لين
  والد وسائل وسيل وزار وظيف وثيق وكال وجدان وليد وائل وسام وفاء
  فعال فاتور فاطم فاروق فيصل فلتر فراس فارس فريق فرع فكر فتر فيلم فلوس
`);

/** Words whose ال is not the article. */
export const OWN_ALEF_LAM = new Set(indexed('الله الهام الاه الياس الفت الماس البوم'));

/**
 * Names (and a few words) whose ending looks like a suffix: never stripped, so that سعدي is
 * not سعد, نادية is not نادي, مالك is not مال.
 */
export const NAMES = new Set(
  indexed(`
  سعدي مجدي حسني فتحي حمدي رمزي شكري لطفي فوزي صبحي رشدي يسري حلمي عوني سامي رامي هاني
  فادي شادي هادي ناجي راضي وجدي مكي زكي بدري نوري خيري صبري فخري حقي مهدي فهمي علي كريمي
  كريمة سلامة جميلة سعيدة امينة نبيلة عزيزة لطيفة حليمة فاطمة اسامة حمزة نادية فوزية سمية
  زكية راضية سامية هانية رقية ميرنا مالك سليمان الله سلمى
`),
);
