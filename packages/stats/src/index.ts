export { byarsLower } from './byars-lower.js';
export { byarsUpper } from './byars-upper.js';
export {
  type CompareInput,
  type CompareMethod,
  type CompareOptions,
  type CompareResult,
  compare,
} from './compare.js';
export { comparePercentile } from './compare-percentile.js';
export { type ComparePolarity, comparePolarityCheck } from './compare-polarity.js';
export { compareQuantileBounds } from './compare-quantile-bounds.js';
export {
  type CompareOutcome,
  type CompareSignificance,
  compareSignificance,
} from './compare-significance.js';
export {
  type CompareSpcLimits,
  type CompareSpcLimitsOptions,
  compareSpcLimits,
} from './compare-spc-limits.js';
export { type CompareTarget, compareToTarget } from './compare-to-target.js';
export {
  ciColumnNames,
  confidenceLabel,
  type NormaliseConfidenceOptions,
  normaliseConfidence,
} from './confidence.js';
export type { ConfidenceLimits, OneLevelLimits, TwoLevelLimits } from './confidence-limits.js';
export { lgamma } from './distributions/lgamma.js';
export { pbeta } from './distributions/pbeta.js';
export { pchisq } from './distributions/pchisq.js';
export { pgamma } from './distributions/pgamma.js';
export { pnorm } from './distributions/pnorm.js';
export { pt } from './distributions/pt.js';
export { qbeta } from './distributions/qbeta.js';
export { qchisq } from './distributions/qchisq.js';
export { qgamma } from './distributions/qgamma.js';
export { qnorm } from './distributions/qnorm.js';
export { qt } from './distributions/qt.js';
export { type DsrOptions, type DsrResult, dsr } from './dsr.js';
export { StatsInputError } from './errors.js';
export { esp2013, esp2013AgeBands } from './esp2013.js';
export { type FunnelLimitsOptions, type FunnelLimitsRow, funnelLimits } from './funnel-limits.js';
export { type FunnelPointsOptions, type FunnelPointsRow, funnelPoints } from './funnel-points.js';
export type { FunnelInput } from './funnel-rate-checks.js';
export {
  type FunnelSignificanceLabel,
  type FunnelSignificanceOptions,
  type FunnelSignificanceRow,
  funnelSignificance,
} from './funnel-significance.js';
export { type IsRateOptions, type IsRateResult, isRate } from './is-rate.js';
export { type IsRatioOptions, type IsRatioResult, isRatio } from './is-ratio.js';
export { type LifeExpectancyOptions, type LifeExpectancyRow, lifeExpectancy } from './life-expectancy.js';
export { lifeExpectancyStartAge } from './life-expectancy-start-age.js';
export {
  LIFE_EXPECTANCY_DEFAULT_AGE_CONTENTS,
  type LifeExpectancyValidateOptions,
  lifeExpectancyValidate,
} from './life-expectancy-validate.js';
export {
  type LifeExpectancySuppressionCode,
  type LifeExpectancyWarningCode,
  lifeExpectancyWarnings,
} from './life-expectancy-warnings.js';
export { type MeanOptions, type MeanResult, mean } from './mean.js';
export {
  type ProportionOptions,
  type ProportionResult,
  type ProportionValueOnly,
  proportion,
} from './proportion.js';
export { type QuantileOptions, quantile } from './quantile.js';
export { quantileInvertedLabel } from './quantile-inverted-label.js';
export { NormalPolar, type UniformSource } from './random/normal-polar.js';
export { Xoshiro128ss } from './random/xoshiro128ss.js';
export { type RateOptions, type RateResult, rate } from './rate.js';
export {
  type RecentTrendMarker,
  type RecentTrendMethod,
  type RecentTrendOptions,
  type RecentTrendResult,
  type RecentTrendValueType,
  recentTrend,
  type TrendPoint,
} from './recent-trend.js';
export { type SiiInput, type SiiOptions, type SiiResult, sii } from './sii.js';
export { wilsonLower } from './wilson-lower.js';
export { wilsonUpper } from './wilson-upper.js';
