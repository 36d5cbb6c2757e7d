/**
 * Page sizes of the API's lists. Values pages are larger because clients usually want a whole indicator for
 * a set of areas; the maximums keep one response within a few megabytes.
 */
export const apiLimits = Object.freeze({
  indicators: { default: 100, max: 1000 },
  areas: { default: 100, max: 1000 },
  values: { default: 1000, max: 10000 },
  decisions: { default: 100, max: 1000 },
  /** At most this many codes in one comma-separated `area` parameter. */
  areaCodes: 100,
  /** The longest free-text parameter (q, period, sex, age, category, ...). */
  text: 200,
});
