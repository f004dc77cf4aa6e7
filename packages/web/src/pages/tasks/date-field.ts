import { isCalendarDate } from "@duban/domain";
import dayjs, { type Dayjs } from "dayjs";

/** A DatePicker value from a plan date; partial dates such as "2023-12", and values that are no date, leave it empty. */
export function pickerValue(date: string | null | undefined): Dayjs | null {
  return date && isCalendarDate(date) ? dayjs(date) : null;
}

/** The `YYYY-MM-DD` the API expects, or null when the picker is empty. */
export function apiDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}
