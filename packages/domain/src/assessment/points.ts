/** Points as integer hundredths while scoring, so sums are exact; and their Chinese wording. */

/** Points → hundredths (integer). */
export const toHundredths = (points: number): number => Math.round(points * 100);

/** Hundredths → points (2 decimals at most); never −0, which would print as "−0". */
export const fromHundredths = (hundredths: number): number => hundredths / 100 + 0;

/** "34.5", "40", "0.25": no trailing zeros. */
export function pointsText(hundredths: number): string {
  return String(Math.abs(hundredths) / 100);
}

/** "+2", "−2" (a true minus sign, as printed documents use), "0". */
export function signedPointsText(hundredths: number): string {
  if (hundredths === 0) return "0";
  return `${hundredths > 0 ? "+" : "−"}${pointsText(hundredths)}`;
}

/** "（−2 分）": the suffix of a fact line that changes the points. */
export const pointsSuffix = (hundredths: number): string => `（${signedPointsText(hundredths)} 分）`;

/** A share as "85.5%" (1 decimal at most). */
export const percentText = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** Clamps hundredths to [min, max]. */
export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
