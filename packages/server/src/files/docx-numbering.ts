import { formatNumber } from "./docx-number-formats.js";
import { attr, walkXml } from "./xml.js";

/** One level of a Word list definition (`w:abstractNum/w:lvl`). */
interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: string;
  /** `w:lvlRestart`: 0 = never restart, N = restart after level N (1-based); null = after the parent level. */
  restart: number | null;
  isLgl: boolean;
}

/** The list definitions of a .docx (`word/numbering.xml`). */
export interface NumberingModel {
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, LevelDef>>;
}

/** Reads numbering.xml into list definitions; unknown or missing parts give an empty model. */
export function parseNumbering(xml: string | null): NumberingModel {
  const model: NumberingModel = { nums: new Map(), abstracts: new Map() };
  if (!xml) return model;
  let levels: Map<number, LevelDef> | null = null;
  let level: LevelDef | null = null;
  let num: { abstractId: string; overrides: Map<number, number> } | null = null;
  let overrideLevel: number | null = null;
  for (const e of walkXml(xml)) {
    if (e.type === "close") {
      if (e.name === "abstractNum") levels = null;
      else if (e.name === "lvl") level = null;
      else if (e.name === "num") num = null;
      else if (e.name === "lvlOverride") overrideLevel = null;
      continue;
    }
    if (e.type !== "open") continue;
    const val = attr(e.attrs, "val");
    switch (e.name) {
      case "abstractNum":
        levels = new Map();
        model.abstracts.set(attr(e.attrs, "abstractNumId") ?? "", levels);
        break;
      case "lvl":
        // A full level definition inside w:lvlOverride is rare; its w:startOverride sibling is what Word writes.
        if (!levels || num) break;
        level = { start: 1, numFmt: "decimal", lvlText: "", suff: "tab", restart: null, isLgl: false };
        levels.set(Number(attr(e.attrs, "ilvl") ?? 0), level);
        break;
      case "num":
        num = { abstractId: "", overrides: new Map() };
        model.nums.set(attr(e.attrs, "numId") ?? "", num);
        break;
      case "abstractNumId":
        if (num) num.abstractId = val ?? "";
        break;
      case "lvlOverride":
        overrideLevel = Number(attr(e.attrs, "ilvl") ?? 0);
        break;
      case "startOverride":
        if (num && overrideLevel !== null) num.overrides.set(overrideLevel, Number(val ?? 1));
        break;
      default:
        if (level) readLevelProperty(level, e.name, val);
    }
  }
  return model;
}

/** Copies one child element of `w:lvl` into the level definition. */
function readLevelProperty(level: LevelDef, name: string, val: string | null): void {
  if (name === "start") level.start = Number(val ?? 1);
  else if (name === "numFmt") level.numFmt = val ?? "decimal";
  else if (name === "lvlText") level.lvlText = val ?? "";
  else if (name === "suff") level.suff = val ?? "tab";
  else if (name === "lvlRestart") level.restart = Number(val ?? 0);
  else if (name === "isLgl") level.isLgl = val !== "0" && val !== "false";
}

/** Renders list labels paragraph by paragraph, keeping Word's counters. */
export class NumberingCounter {
  // Word continues a list across w:num instances of one abstractNum unless the instance restarts it with
  // w:startOverride, so counters are kept per abstractNum, or per w:num when it overrides a start value.
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly model: NumberingModel) {}

  /** The label Word shows in front of the next paragraph of list `numId` at level `ilvl` ("一、", "（二）", "3."). */
  next(numId: string, ilvl: number): string {
    const num = this.model.nums.get(numId);
    const levels = num && this.model.abstracts.get(num.abstractId);
    const def = levels?.get(ilvl);
    if (!num || !levels || !def) return "";
    const key = num.overrides.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    const values = this.counters.get(key) ?? [];
    this.counters.set(key, values);
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    const current = values[ilvl];
    values[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let l = ilvl + 1; l < 9; l++) {
      const restart = levels.get(l)?.restart ?? l;
      if (restart !== 0 && ilvl + 1 <= restart) values[l] = undefined;
    }
    if (def.numFmt === "bullet") return ""; // bullet glyphs are often private-use symbols and carry no number
    const text = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const fmt = def.isLgl ? "decimal" : (levels.get(l)?.numFmt ?? "decimal");
      return def.numFmt === "none" ? "" : formatNumber(values[l] ?? startOf(l), fmt);
    });
    // Word puts a tab after the label by default; Chinese labels already end in 、 or ）, so add nothing.
    const needsSpace = def.suff !== "nothing" && text !== "" && !/[、．.）)：:]$/.test(text);
    return needsSpace ? `${text} ` : text;
  }
}
