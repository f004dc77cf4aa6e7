import { isPlanDate } from "@duban/domain";

/** What a page shows for a stored date it cannot read, instead of failing or printing "NaN年". */
export const invalidDateText = "日期无效";

/** Shows a stored value that is no date, and says so in the console for whoever looks into it. */
function unreadable(value: string): string {
  console.warn("日期无效，已按无效显示：", value);
  return invalidDateText;
}

// The bureau works in Shanghai time whatever the browser's zone; en-CA writes dates as YYYY-MM-DD.
const shanghai = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function shanghaiParts(timestamp: string): { date: string; time: string } | null {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) return null;
  const part = Object.fromEntries(shanghai.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/**
 * The one way the web writes a date: "2026-12-03". A plan date keeps its precision ("2026", "2026-12"); a
 * timestamp becomes its Shanghai calendar day; nothing shows "—".
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  if (isPlanDate(value)) return value;
  // A string shaped like a plan date but not a real one (2023-02-30) is a bad value, not a timestamp.
  if (/^\d{4}(-\d{1,2}){0,2}$/.test(value)) return unreadable(value);
  return shanghaiParts(value)?.date ?? unreadable(value);
}

/** The one way the web writes a moment: "2026-12-03 14:05", Shanghai time; nothing shows "—". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const parts = shanghaiParts(value);
  return parts ? `${parts.date} ${parts.time}` : unreadable(value);
}
