/** A decision type with its article as it is read aloud: "an MD", "an ADD", "a DD", "a DAR", "an other". */
export function withArticle(type: string): string {
  return `${/^[AEIMOaeio]/.test(type) ? 'an' : 'a'} ${type}`;
}
