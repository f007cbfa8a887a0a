/**
 * The three shapes a modelled duration can take, and the normal-distribution helpers they need. Pure.
 *
 * - **PERT** (low, typical, high): a Beta on [low, high] with its mode at the typical value — for phases that have a
 *   plausible floor and ceiling (human steps, restores, launches). dr-model.md §4 [3P]/[I].
 * - **Lognormal** (median, bound at a stated quantile): for lags that are "typically seconds" with a long tail up to
 *   a documented bound (S3 RTC "99.99 % … within 15 minutes", replication lag under load). The typical value is the
 *   median; the bound is the stated quantile (σ = ln(bound / median) / z(q)). Draws are truncated at the inverse-CDF
 *   table's ends (about the 99.95th percentile).
 * - **Uniform** (low, high): the data lost when a disaster strikes at a random moment of a backup cycle, or the time a
 *   resolver still holds a cached DNS answer (uniform over the TTL).
 */

import type { DistSpec, Shape } from '../model/assumptions';

export type { DistSpec, Shape };

/**
 * Inverse of the standard normal CDF (P. J. Acklam's rational approximation, relative error < 1.2e-9).
 * Defined on (0, 1).
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Standard normal CDF, Φ(x) (W. J. Cody's erfc via the Abramowitz–Stegun 7.1.26 form refined: |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** A lognormal given by its median and one quantile: `{ mu, sigma }` of ln X. */
export interface Lognormal {
  mu: number;
  sigma: number;
}

export function lognormalFromQuantile(median: number, bound: number, quantile: number): Lognormal {
  const z = normalQuantile(quantile);
  const sigma = median > 0 && bound > median && z > 0 ? Math.log(bound / median) / z : 0;
  return { mu: Math.log(Math.max(median, Number.MIN_VALUE)), sigma };
}

export function lognormalMean(d: Lognormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

/** P(X ≤ x). */
export function lognormalCdf(d: Lognormal, x: number): number {
  if (x <= 0) return 0;
  if (d.sigma === 0) return x >= Math.exp(d.mu) ? 1 : 0;
  return normalCdf((Math.log(x) - d.mu) / d.sigma);
}

export function lognormalQuantile(d: Lognormal, p: number): number {
  return Math.exp(d.mu + d.sigma * normalQuantile(p));
}

/**
 * E[min(x, X)] = x·P(X > x) + E[X; X ≤ x], with the partial expectation E[X; X ≤ x] = e^(μ+σ²/2)·Φ((ln x − μ − σ²)/σ):
 * the expected downtime when a recovery of length x is capped by an outage of random length X.
 */
export function lognormalCappedMean(d: Lognormal, x: number): number {
  if (x <= 0) return 0;
  if (d.sigma === 0) return Math.min(x, Math.exp(d.mu));
  const lx = Math.log(x);
  return cappedMeanFrom(d, lognormalMean(d), x, lx, 1 - normalCdf((lx - d.mu) / d.sigma));
}

/**
 * {@link lognormalCappedMean} for x > 0 and σ > 0, given E[X] ({@link lognormalMean}), ln x and the survival
 * P(X > x) = 1 − Φ((ln x − μ)/σ), which is also 1 − {@link lognormalCdf}: a caller that needs them for many x computes
 * each once (the Monte Carlo's outage figures).
 */
export function cappedMeanFrom(d: Lognormal, mean: number, x: number, lx: number, survival: number): number {
  const partial = mean * normalCdf((lx - d.mu - d.sigma * d.sigma) / d.sigma);
  return x * survival + partial;
}
