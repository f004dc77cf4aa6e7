/** Unit attributes a formula filters by: their names in English and Chinese, and the values each accepts. */
import type { FormulaUnitAttribute } from "../forms.js";
import { ownershipLabels, schoolTypeLabels, unitKindLabels } from "../units.js";
import type { FormulaUnit } from "./types.js";

/** The Chinese name each attribute is read out and printed with. */
export const formulaAttributeLabels: Record<FormulaUnitAttribute, string> = {
  kind: "类型",
  schoolType: "学段",
  ownership: "办学性质",
  inclusive: "普惠",
  township: "乡镇",
};

// Every spelling a formula may use for an attribute; English names are matched case-insensitively.
const attributeNames: Record<string, FormulaUnitAttribute> = {
  kind: "kind",
  类型: "kind",
  单位类型: "kind",
  schooltype: "schoolType",
  学段: "schoolType",
  学校类型: "schoolType",
  ownership: "ownership",
  办学性质: "ownership",
  inclusive: "inclusive",
  普惠: "inclusive",
  township: "township",
  乡镇: "township",
};

/** The attribute a name denotes, or undefined. */
export function attributeNamed(name: string): FormulaUnitAttribute | undefined {
  return attributeNames[name] ?? attributeNames[name.toLowerCase()];
}

/** Every spelling of an attribute name（the printer avoids those a field label takes over）. */
export function attributeSpellings(attribute: FormulaUnitAttribute): string[] {
  return Object.keys(attributeNames).filter((k) => attributeNames[k] === attribute);
}

const codeLabels: Partial<Record<FormulaUnitAttribute, Record<string, string>>> = {
  kind: unitKindLabels,
  schoolType: schoolTypeLabels,
  ownership: ownershipLabels,
};

/** Yes/no spellings accepted for 普惠 and for yes/no fields. */
export const yesNo: Record<string, boolean> = {
  是: true,
  否: false,
  true: true,
  false: false,
  yes: true,
  no: false,
};

/** The stored value（a code, a boolean or the text）for what a formula wrote, or an error message. */
export function attributeValue(
  attribute: FormulaUnitAttribute,
  written: string,
): { ok: true; value: string | boolean } | { ok: false; message: string } {
  const label = formulaAttributeLabels[attribute];
  if (attribute === "township") return { ok: true, value: written };
  if (attribute === "inclusive") {
    const value = yesNo[written.toLowerCase()];
    return value === undefined ? { ok: false, message: `${label}只能是 是、否` } : { ok: true, value };
  }
  const labels = codeLabels[attribute] as Record<string, string>;
  const code = Object.keys(labels).find((c) => labels[c] === written || c === written);
  if (code !== undefined) return { ok: true, value: code };
  return { ok: false, message: `${label}只能是 ${Object.values(labels).join("、")}` };
}

/** Whether a stored value is one the attribute can have（for checking a stored AST）. */
export function isAttributeValue(attribute: FormulaUnitAttribute, value: unknown): boolean {
  if (attribute === "township") return typeof value === "string";
  if (attribute === "inclusive") return typeof value === "boolean";
  return typeof value === "string" && Object.hasOwn(codeLabels[attribute] as object, value);
}

/** The Chinese label of a stored attribute value（公办 for "public"）. */
export function attributeValueLabel(attribute: FormulaUnitAttribute, value: string | boolean): string {
  if (typeof value === "boolean") return value ? "是" : "否";
  return codeLabels[attribute]?.[value] ?? value;
}

/** Chinese labels of every coded attribute value, read whole by the lexer（中职/职教中心 holds a slash）. */
export function attributeValueWords(): string[] {
  return Object.values(codeLabels).flatMap((labels) => Object.values(labels));
}

/** A unit's value of an attribute; 普惠 holds for public schools and 普惠性民办 ones. */
export function unitAttribute(unit: FormulaUnit, attribute: FormulaUnitAttribute): string | boolean | null {
  if (attribute === "inclusive") {
    return unit.ownership === null
      ? null
      : unit.ownership === "public" || unit.ownership === "private_inclusive";
  }
  return unit[attribute];
}
