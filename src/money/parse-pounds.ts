/** The largest amount form accepts: £1 trillion, far above any fund or decision and well inside exact integers. */
export const maxPence = 100_000_000_000_000;

/**
 * An amount typed in pounds ("150,000", "£3,200.50", "49995") as whole pence, or null when it is not an
 * amount. Read as text, digit by digit, never through a floating-point number, so "0.29" is 29 pence and not
 * 28.999...; commas must group thousands; at most two decimal places. Zero and amounts above maxPence come
 * back as they are, for the form to say what is wrong with them.
 */
export function parsePounds(text: string): number | null {
  const match = /^£?\s*((?:[0-9]{1,3}(?:,[0-9]{3})+)|[0-9]+)(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1]!.replaceAll(',', '').replace(/^0+(?=[0-9])/, '');
  if (whole.length > 13) return maxPence + 1;
  return Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
