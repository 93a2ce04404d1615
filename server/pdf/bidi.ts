/**
 * One line of text in visual order, by the Unicode bidirectional algorithm
 * (bidi-js): its embedding levels, the characters mirrored in right-to-left
 * runs ("(" drawn as ")"), and the runs of one level reordered left to right
 * (rule L2), so "فاتورة INV-0002" reads right in a right-to-left document.
 * Each run keeps its characters in logical order; whoever draws it reverses an
 * odd-level (right-to-left) run.
 */
import bidiModule, { type Bidi } from 'bidi-js';

// bidi-js's CommonJS build exports the factory itself, while its types describe an ES module's default export.
const bidi = (bidiModule as unknown as () => Bidi)();

export type Direction = 'ltr' | 'rtl';

/** A stretch of one embedding level, its text in logical order. */
export interface LevelRun {
  text: string;
  level: number;
  /** Where it starts in the line (UTF-16 index): its place in reading order. */
  start: number;
}

/** The runs of a line (no line breaks) left to right; `base` is the paragraph's direction, 'auto' from its first strong letter. */
export function visualRuns(line: string, base: Direction | 'auto'): LevelRun[] {
  if (!line) return [];
  const embedding = bidi.getEmbeddingLevels(line, base);
  const { levels } = embedding;
  let text = line;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  if (mirrored.size) {
    const chars = line.split('');
    for (const [index, char] of mirrored) chars[index] = char;
    text = chars.join('');
  }
  const runs: LevelRun[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || levels[i] !== levels[start]) {
      runs.push({ text: text.slice(start, i), level: levels[start]!, start });
      start = i;
    }
  }
  // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let end = i;
      while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++;
      runs.splice(i, end - i + 1, ...runs.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return runs;
}
