import type { CalcMethod } from './calc-method.js';

/**
 * The methods of `healthhub calc`, each loaded only when asked for, so the command starts fast.
 */
export const calcMethods: Record<string, () => Promise<CalcMethod>> = {
  proportion: async () => (await import('./methods/proportion-method.js')).proportionMethod,
  rate: async () => (await import('./methods/rate-method.js')).rateMethod,
  mean: async () => (await import('./methods/mean-method.js')).meanMethod,
  dsr: async () => (await import('./methods/dsr-method.js')).dsrMethod,
  isratio: async () => (await import('./methods/isratio-method.js')).isratioMethod,
  israte: async () => (await import('./methods/israte-method.js')).israteMethod,
  'life-expectancy': async () => (await import('./methods/life-expectancy-method.js')).lifeExpectancyMethod,
  sii: async () => (await import('./methods/sii-method.js')).siiMethod,
  quantile: async () => (await import('./methods/quantile-method.js')).quantileMethod,
  funnel: async () => (await import('./methods/funnel-method.js')).funnelMethod,
  compare: async () => (await import('./methods/compare-method.js')).compareMethod,
  trend: async () => (await import('./methods/trend-method.js')).trendMethod,
};
