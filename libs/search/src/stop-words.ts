import { foldLetters } from './fold.util';

/**
 * Words too common to find anything, left out of the index and of queries. Arabic ones are
 * compared as folded (ة and ى still as typed), so على is a stop word and the name علي is not.
 */
const ARABIC = `
  في من الى إلى على عن مع هذا هذه ذلك تلك هؤلاء التي الذي الذين هو هي هم هن انا نحن انت انتم
  انتي هل لا لم لن ما ماذا لماذا كيف متى متي اين او ام ثم قد كل بعض عند الا اذا ان انه انها
  كان كانت يكون لقد حتى حتي بين اي غير مثل ايضا حيث لكن بل كما لدى منذ يا الي ال
`;
const ENGLISH = `
  a an the and or but if of to in on at by for from with as is are was were be been being it its
  this that these those i me my we our us you your he she his her they them their am do does did
  has have had will would can could should not no so than then there here what which who whom
  how when where why all any some such into about over also just only very too up out off
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ARABIC} ${ENGLISH}`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => foldLetters(word)),
);
