// COPY's text format (PostgreSQL's default for COPY): tab-separated fields, `\N` for NULL, backslash escapes.

const escapes: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * One field of COPY's text format as it was: `\N` is NULL, and a backslash escapes the character after it
 * (`\n`, `\t`, `\\`, ...), as PostgreSQL's COPY TO writes them. Octal (`\101`) and hex (`\x41`) escapes,
 * which COPY TO never writes, are read as the single characters they name. Most fields have no backslash and
 * are returned as they are.
 */
export function copyTextField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c !== '\\' || i === field.length - 1) {
      out += c;
      continue;
    }
    const next = field[++i]!;
    const octal = /^[0-7]{1,3}/.exec(field.slice(i, i + 3));
    const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(field.slice(i + 1, i + 3)) : null;
    if (octal) {
      out += String.fromCharCode(Number.parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (hex) {
      out += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += hex[0].length;
    } else {
      out += escapes[next] ?? next;
    }
  }
  return out;
}
