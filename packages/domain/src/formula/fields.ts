/** Small facts about form fields and values that the parser, checker and submission check share. */
import { type FormField, numericFormFieldTypes } from "../forms.js";

/** Whether a field holds numbers（integer, decimal, percent）. */
export function isNumericField(field: Pick<FormField, "type">): boolean {
  return (numericFormFieldTypes as readonly string[]).includes(field.type);
}

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether a stored value counts as not filled in. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}
