// Machine-drafted; see README "Languages" for how a firm corrects a translation.
import type { Catalog } from '../../../sdk/i18n.js';

export default {} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
