import type { Ownership, Role, SchoolType } from "@duban/domain";
import { countyBureauKeywords } from "../modules/unit-keywords/index.js";

/** The demo bureaus: a city bureau above the county-level bureau that runs the seed plan. */
export const demoTenants = {
  city: { code: "dalian", name: "大连市教育局" },
  county: { code: "wafangdian", name: "瓦房店市教育局" },
} as const;

/** Departments（科室）of a county bureau, in the order the bureau lists them. */
export const demoDepartments = [
  "办公室",
  "组织人事科/党建办",
  "基础教育科",
  "学前教育科",
  "职业与成人教育科",
  "安全稳定科",
  "计划财务科",
  "教育督导室",
  "政策法规科",
  "体卫艺科",
  "校外培训监管科",
  "教师进修学校",
];

type DemoSchool = [name: string, type: SchoolType, ownership: Ownership, township: string];

/** Invented schools of every type, including those the 2023 plan names. */
export const demoSchools: DemoSchool[] = [
  ["瓦房店市西城幼儿园", "kindergarten", "public", "西长春路街道"],
  ["瓦房店市实验幼儿园", "kindergarten", "public", "共济街道"],
  ["瓦房店市第二幼儿园", "kindergarten", "public", "岗店街道"],
  ["复州城镇中心幼儿园", "kindergarten", "public", "复州城镇"],
  ["李官镇中心幼儿园", "kindergarten", "public", "李官镇"],
  ["得利寺镇中心幼儿园", "kindergarten", "public", "得利寺镇"],
  ["瓦房店市阳光幼儿园", "kindergarten", "private_inclusive", "文兰街道"],
  ["瓦房店市启明星幼儿园", "kindergarten", "private_inclusive", "太阳街道"],
  ["瓦房店市小天使幼儿园", "kindergarten", "private", "祝华街道"],
  ["瓦房店市育才小学", "primary", "public", "共济街道"],
  ["瓦房店市东风小学", "primary", "public", "岗店街道"],
  ["瓦房店市实验小学", "primary", "public", "西长春路街道"],
  ["瓦房店市文兰小学", "primary", "public", "文兰街道"],
  ["复州城镇中心小学", "primary", "public", "复州城镇"],
  ["仙浴湾镇中心小学", "primary", "public", "仙浴湾镇"],
  ["许屯镇中心小学", "primary", "public", "许屯镇"],
  ["万家岭镇中心小学", "primary", "public", "万家岭镇"],
  ["瓦房店市博文小学", "primary", "private", "太阳街道"],
  ["瓦房店市第一初级中学", "junior", "public", "共济街道"],
  ["瓦房店市第二初级中学", "junior", "public", "岗店街道"],
  ["瓦房店市第五初级中学", "junior", "public", "祝华街道"],
  ["李官镇初级中学", "junior", "public", "李官镇"],
  ["得利寺镇初级中学", "junior", "public", "得利寺镇"],
  ["永宁镇初级中学", "junior", "public", "永宁镇"],
  ["瓦房店市复兴学校", "nine_year", "public", "西长春路街道"],
  ["谢屯镇九年一贯制学校", "nine_year", "public", "谢屯镇"],
  ["老虎屯镇九年一贯制学校", "nine_year", "public", "老虎屯镇"],
  ["红沿河镇九年一贯制学校", "nine_year", "public", "红沿河镇"],
  ["瓦房店市育英学校", "nine_year", "private", "共济街道"],
  ["瓦房店市高级中学", "senior", "public", "共济街道"],
  ["瓦房店市实验高中", "senior", "public", "文兰街道"],
  ["瓦房店市第三高级中学", "senior", "public", "复州城镇"],
  ["瓦房店市第四高级中学", "senior", "public", "太阳街道"],
  ["瓦房店市第八高级中学", "senior", "public", "李官镇"],
  ["瓦房店市职教中心", "vocational", "public", "岗店街道"],
  ["瓦房店市第二职业中专", "vocational", "public", "祝华街道"],
  ["瓦房店市特殊教育学校", "special", "public", "西长春路街道"],
  ["瓦房店市教师进修学校附属学校", "teacher_school", "public", "共济街道"],
  ["瓦房店市青少年校外活动中心", "other", "public", "共济街道"],
  ["瓦房店市社区教育学院", "other", "public", "文兰街道"],
];

/** One demo user per role: [login, name, roles, unit name or null]. */
export const demoUsers: [login: string, name: string, roles: Role[], unit: string | null][] = [
  ["admin", "系统管理员", ["admin"], "办公室"],
  ["juzhang", "王局长", ["leader"], null],
  ["ducha", "李督查", ["supervisor"], "办公室"],
  ["xueqian", "张科长", ["department"], "学前教育科"],
  ["xicheng", "刘园长", ["school"], "瓦房店市西城幼儿园"],
  ["duxue", "赵督学", ["inspector"], "教育督导室"],
];

/** Rule groups every bureau uses when handing tasks to schools. */
export const demoGroups: {
  name: string;
  rule: { kind: "school"; schoolTypes?: SchoolType[]; ownerships?: Ownership[] };
}[] = [
  { name: "全部公办幼儿园", rule: { kind: "school", schoolTypes: ["kindergarten"], ownerships: ["public"] } },
  {
    name: "全部普惠性民办幼儿园",
    rule: { kind: "school", schoolTypes: ["kindergarten"], ownerships: ["private_inclusive"] },
  },
  { name: "全部初中", rule: { kind: "school", schoolTypes: ["junior", "nine_year"] } },
  { name: "全部高中", rule: { kind: "school", schoolTypes: ["senior"] } },
  { name: "全部公办学校", rule: { kind: "school", ownerships: ["public"] } },
];

/** Keyword → department suggestions for lead units: the defaults of a typical county bureau. */
export const demoKeywords: [keyword: string, department: string][] = countyBureauKeywords;

/**
 * Kindergartens that report on the demo plan, each with a 园长 account: [login, name, unit]. They are not the
 * units the browser tests file and review with (西城幼儿园, 实验幼儿园), so the demo's to-dos never mix with theirs.
 */
export const demoReporters: [login: string, name: string, unit: string][] = [
  ["dieryou", "孙园长", "瓦房店市第二幼儿园"],
  ["fuzhouyou", "周园长", "复州城镇中心幼儿园"],
  ["liguanyou", "吴园长", "李官镇中心幼儿园"],
  ["delisiyou", "郑园长", "得利寺镇中心幼儿园"],
  ["yangguang", "冯园长", "瓦房店市阳光幼儿园"],
  ["qimingxing", "陈园长", "瓦房店市启明星幼儿园"],
];
