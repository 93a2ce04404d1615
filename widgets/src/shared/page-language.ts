import { useLanguage } from '../base/localize.js';
import { shippedLanguage } from './languages.js';

/**
 * A widget with no portal around it (the set-password and preview-link pages)
 * speaks the page's language: the hosted pages write the reader's in `<html lang>`
 * (and its direction in `dir`, which the widget inherits).
 */
export const speakPageLanguage = (): void => useLanguage(shippedLanguage(document.documentElement.lang));
