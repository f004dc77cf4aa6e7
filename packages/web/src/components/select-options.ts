/** Options of a Select built from a label table of the domain. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** Options of the 启用/停用 filter. */
export const enabledOptions = [
  { value: "true", label: "启用" },
  { value: "false", label: "停用" },
];
