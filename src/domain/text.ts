import { z } from 'zod';

/**
 * One normaliser for every piece of text people (or platform profiles, or CSV files) give the
 * bot, applied on input so what is stored is what is shown. Text arrives from chat clients,
 * pasted spreadsheets and profile APIs, and may carry characters that are invisible or that
 * reorder or hide what is shown next to them:
 * - C0 controls (NUL, BEL, ESC …), DEL and C1 controls: removed; in multi-line text \n and \t stay
 *   (\r\n and \r become \n); in one-line text every line break and tab becomes one space;
 * - bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the direction marks
 *   U+200E, U+200F, U+061C: removed, so "‮gnp.exe" cannot pose as something else;
 * - zero-width space U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD: removed. The
 *   zero-width (non-)joiners U+200C and U+200D stay: emoji sequences and some scripts need them;
 * - everything is NFC, so the same name typed on two keyboards is the same string.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS_EXCEPT_NL_TAB = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_AND_INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u00AD]/g;

/** Multi-line text (notes, comments, reasons): keeps line breaks and tabs. */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROLS_EXCEPT_NL_TAB, '').replace(BIDI_AND_INVISIBLE, '');
}

/** One-line text (names, topics, titles): line breaks and tabs become a single space. */
export function normaliseLine(s: string): string {
  return normaliseText(s).replace(/[ \t]*[\n\t][ \t\n]*/g, ' ');
}

/** A one-line text field: normalised, trimmed, at most `max` characters (counted after normalising). */
export const line = (max: number) => z.string().overwrite(normaliseLine).trim().max(max, `at most ${max} characters`);

/** A multi-line text field: normalised, trimmed, at most `max` characters. */
export const text = (max: number) => z.string().overwrite(normaliseText).trim().max(max, `at most ${max} characters`);

/**
 * How wide a text shows: East Asian wide characters (CJK ideographs, kana, hangul, full-width forms
 * and punctuation) take two cells, everything else one. Terminal tables line up by it, spreadsheet
 * columns are sized by it, and a written reason's minimum is counted in it: ten Latin characters
 * are a short phrase, five Chinese ones say as much.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** A written reason's minimum, in display width: 10 Latin characters or 5 Chinese ones. */
export const REASON_MIN_WIDTH = 10;

/** A written reason (adjustments, appeals, awards, early cycle steps): at most `max` characters, at least REASON_MIN_WIDTH wide. */
export const reasonText = (max: number) =>
  text(max).refine((s) => displayWidth(s) >= REASON_MIN_WIDTH, `give a reason of at least ${REASON_MIN_WIDTH} characters`);
