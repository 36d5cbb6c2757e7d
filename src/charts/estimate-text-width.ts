/**
 * The approximate width in pixels of a line of text. Charts are drawn on the server with no font metrics,
 * so layout uses an average advance of 0.6em (bold 0.65em): generous for the system sans-serif fonts, so
 * labels laid out by it are not clipped, and the same on every machine, so output stays deterministic.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? 0.65 : 0.6);
}
