import { estimateTextWidth } from './estimate-text-width.js';

/**
 * Text broken into lines no wider than maxWidth (by estimateTextWidth), at spaces. Labels are wrapped rather
 * than cut short so that no words are lost; a single word longer than a line is left whole on its own line
 * rather than broken mid-word, since an over-long line is easier to read than a split word.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && estimateTextWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
