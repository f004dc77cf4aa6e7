// Public face of the forms module: the only file that other modules, jobs/, cli/ and seed/ import from it.

export { sendCycleRounds } from "./cycle-rounds.js";
export {
  type FormDataChangedHook,
  onFormDataChanged,
  runFormDataChanged,
} from "./data-changed-hook.js";
export type { ExcelForm, ExcelRound, ExcelUnit } from "./excel/template-layout.js";
export { getFormRow } from "./forms.service.js";
