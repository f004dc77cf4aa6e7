/** Points as the 考评 pages print them: up to two decimals, a plus sign on a bonus. */
export function formatPoints(points: number, signed = true): string {
  const text = String(Math.round(points * 100) / 100);
  return signed && points > 0 ? `+${text}` : text;
}
