/** The largest signed decision form accepted: a scanned, signed form of a few pages is well under this. */
export const maxSignedFormBytes = 10 * 1024 * 1024;

/**
 * The uploaded signed form from a form body (the upload plugin gives a file as a Buffer), or the reason it
 * is refused, written for the person: missing, empty, too large, or not a PDF (a PDF starts "%PDF-"; the
 * browser's content type and the file's name are not trusted).
 */
export function readSignedForm(file: unknown): { content: Buffer } | { problem: string } {
  if (file === undefined || file === null || file === '' || (Buffer.isBuffer(file) && file.length === 0))
    return { problem: 'Select the signed decision form (a PDF)' };
  if (!Buffer.isBuffer(file)) return { problem: 'Select the signed decision form (a PDF)' };
  if (file.length > maxSignedFormBytes)
    return {
      problem: `The signed decision form must be smaller than ${maxSignedFormBytes / (1024 * 1024)} MB`,
    };
  if (file.subarray(0, 5).toString('latin1') !== '%PDF-')
    return { problem: 'The selected file must be a PDF' };
  return { content: file };
}
