import { addDays, dateOfDayNumber, dayNumber, planDateLastDay } from "@duban/domain";

/** The name and window a new cycle gets by default. */
export interface CycleWindow {
  name: string;
  startDate: string;
  dueDate: string;
}

/** The due day inside a month, clamped to its length (a due day of 31 in February is its last day). */
function dueInMonth(year: number, month: number, dueDay: number): string {
  const last = planDateLastDay(`${year}-${String(month).padStart(2, "0")}`);
  const day = Math.min(dueDay, Number(last.slice(8)));
  return `${last.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/**
 * The default cycle for a cadence: the one containing `today`, or the next one when today is already past its
 * due date (a cycle opened late should not be overdue the moment it opens). The one containing `today`: monthly → this month, due on the due day;
 * quarterly → this quarter, due on the due day of its last month; weekly → Monday to Sunday, due on
 * weekday `dueDay` (1 = Monday, 7 = Sunday). Ad hoc cycles have no default.
 */
export function defaultCycleWindow(cadence: string, dueDay: number, today: string): CycleWindow | null {
  const current = windowContaining(cadence, dueDay, today);
  if (!current || current.dueDate >= today) return current;
  return windowContaining(
    cadence,
    dueDay,
    addDays(
      planDateLastDay(cadence === "weekly" ? addDays(current.startDate, 6) : current.dueDate.slice(0, 7)),
      1,
    ),
  );
}

/** The cycle window of a cadence that contains a date. */
function windowContaining(cadence: string, dueDay: number, today: string): CycleWindow | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (cadence === "monthly") {
    return {
      name: `${year}年${month}月`,
      startDate: `${today.slice(0, 8)}01`,
      dueDate: dueInMonth(year, month, dueDay),
    };
  }
  if (cadence === "quarterly") {
    const quarter = Math.ceil(month / 3);
    const first = (quarter - 1) * 3 + 1;
    return {
      name: `${year}年第${"一二三四"[quarter - 1]}季度`,
      startDate: `${year}-${String(first).padStart(2, "0")}-01`,
      dueDate: dueInMonth(year, first + 2, dueDay),
    };
  }
  if (cadence === "weekly") {
    // Day number 0 (1970-01-01) was a Thursday.
    const weekday = ((dayNumber(today) + 3) % 7) + 1;
    const monday = addDays(today, 1 - weekday);
    return {
      name: `${monday} 当周`,
      startDate: monday,
      dueDate: dateOfDayNumber(dayNumber(monday) + Math.min(7, Math.max(1, dueDay)) - 1),
    };
  }
  return null;
}
