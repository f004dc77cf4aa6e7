/**
 * A list as a PostgreSQL array literal, for a statement of one shape whatever the list's length
 * (`= any(${placeholder}::uuid[])`). Only for values that need no quoting: validated uuids and status words.
 */
export function idArray(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}
