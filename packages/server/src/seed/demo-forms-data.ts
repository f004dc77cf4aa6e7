import type { FormField, FormValues } from "@duban/domain";

/** One demo form: its owner department, fields, the units it went to and what each filled in. */
export interface DemoForm {
  title: string;
  owner: string;
  fields: FormField[];
  /** [unit name, values, approved by the 12th of June (else still awaiting review)]. */
  units: [unit: string, values: FormValues, approved: boolean][];
  /** Units whose submission was approved on the 5th, the first history point; the rest on the 12th. */
  early: string[];
  /** [indicator name, formula over the fields' labels]. */
  formulas: [indicator: string, source: string][];
}

const int = (key: string, label: string, unit: string): FormField => ({
  key,
  label,
  type: "integer",
  required: true,
  min: 0,
  unit,
});

/**
 * The demo's statistical forms: the seed plan's ratios computed from a kindergarten and a special-education form,
 * its counts from a yes/no field and an event form; its other targets stay reported directly.
 */
export const demoForms: DemoForm[] = [
  {
    title: "幼儿园基本情况统计表（2023年春季学期）",
    owner: "学前教育科",
    fields: [int("children", "在园幼儿数", "人"), int("classes", "班级数", "个")],
    units: [
      ["瓦房店市西城幼儿园", { children: 320, classes: 12 }, true],
      ["瓦房店市实验幼儿园", { children: 286, classes: 10 }, true],
      ["瓦房店市第二幼儿园", { children: 240, classes: 9 }, true],
      ["复州城镇中心幼儿园", { children: 180, classes: 7 }, true],
      ["李官镇中心幼儿园", { children: 150, classes: 6 }, true],
      ["得利寺镇中心幼儿园", { children: 132, classes: 6 }, true],
      ["瓦房店市阳光幼儿园", { children: 210, classes: 8 }, true],
      // Still with the 学前教育科 for review: the figures are 进行中（已报 8/9）.
      ["瓦房店市启明星幼儿园", { children: 185, classes: 7 }, false],
      ["瓦房店市小天使幼儿园", { children: 160, classes: 6 }, true],
    ],
    early: ["瓦房店市西城幼儿园", "瓦房店市实验幼儿园", "瓦房店市第二幼儿园", "瓦房店市小天使幼儿园"],
    formulas: [
      ["公办幼儿园在园幼儿占比", "sum(在园幼儿数 where 办学性质=公办) / sum(在园幼儿数) × 100"],
      ["普惠园覆盖率", "sum(在园幼儿数 where 普惠) / sum(在园幼儿数) × 100"],
    ],
  },
  {
    title: "适龄残疾儿童少年入学情况统计表",
    owner: "基础教育科",
    fields: [int("registered", "适龄残疾儿童少年数", "人"), int("enrolled", "已入学人数", "人")],
    units: [
      ["瓦房店市特殊教育学校", { registered: 46, enrolled: 46 }, true],
      ["瓦房店市育才小学", { registered: 3, enrolled: 3 }, true],
      ["瓦房店市东风小学", { registered: 2, enrolled: 2 }, true],
      ["瓦房店市实验小学", { registered: 4, enrolled: 4 }, true],
      ["复州城镇中心小学", { registered: 2, enrolled: 2 }, true],
    ],
    early: ["瓦房店市特殊教育学校", "瓦房店市育才小学"],
    formulas: [["适龄残疾儿童入学率", "sum(已入学人数) / sum(适龄残疾儿童少年数) × 100"]],
  },
  {
    title: "职业体验活动登记表",
    owner: "职业与成人教育科",
    fields: [
      { key: "name", label: "活动名称", type: "text", required: true },
      { key: "date", label: "活动日期", type: "date", required: true },
      int("people", "参与人数", "人"),
    ],
    units: [
      ["瓦房店市职教中心", { name: "走进实训基地·智能制造体验日", date: "2023-05-19", people: 286 }, true],
      ["瓦房店市第二职业中专", { name: "烹饪与汽修职业体验开放日", date: "2023-06-09", people: 214 }, true],
    ],
    early: ["瓦房店市职教中心"],
    formulas: [
      ["职业体验活动", "count(参与人数)"],
      ["参与职业体验", "sum(参与人数)"],
    ],
  },
  {
    title: "学校党建工作情况统计表",
    owner: "组织人事科/党建办",
    fields: [
      { key: "model", label: "创建大连市级党建示范校", type: "boolean", required: true },
      int("members", "党员教师数", "人"),
    ],
    units: [
      ["瓦房店市第一初级中学", { model: true, members: 38 }, true],
      ["瓦房店市第二初级中学", { model: false, members: 31 }, true],
      ["瓦房店市复兴学校", { model: true, members: 27 }, true],
      ["瓦房店市高级中学", { model: true, members: 52 }, true],
      ["瓦房店市实验高中", { model: false, members: 44 }, true],
      ["李官镇初级中学", { model: false, members: 18 }, false],
    ],
    early: ["瓦房店市第一初级中学", "瓦房店市高级中学"],
    formulas: [["党建示范校", "count(where 创建大连市级党建示范校 = 是)"]],
  },
];
