import dayjs, { type Dayjs } from "dayjs";

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/** A DatePicker value from a plan date; partial dates such as "2023-12" leave the picker empty. */
export function pickerValue(date: string | null | undefined): Dayjs | null {
  return date && calendarDate.test(date) ? dayjs(date) : null;
}

/** The `YYYY-MM-DD` the API expects, or null when the picker is empty. */
export function apiDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}
