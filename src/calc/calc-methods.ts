import type { CalcMethod } from './calc-method.js';

/**
 * The methods of `healthhub calc`, each loaded only when asked for, so the command starts fast.
 */
export const calcMethods: Record<string, () => Promise<CalcMethod>> = {
  dsr: async () => (await import('./methods/dsr-method.js')).dsrMethod,
};
