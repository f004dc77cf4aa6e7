/** A unit is either a department（科室）of the bureau or a school. */
export const unitKinds = ["department", "school"] as const;
/** Kind of unit. */
export type UnitKind = (typeof unitKinds)[number];

/** School types as the bureau classifies them. */
export const schoolTypes = [
  "kindergarten",
  "primary",
  "junior",
  "nine_year",
  "senior",
  "vocational",
  "special",
  "teacher_school",
  "other",
] as const;
/** Type of school. */
export type SchoolType = (typeof schoolTypes)[number];

/** Chinese labels of school types; also the values accepted by the Excel import. */
export const schoolTypeLabels: Record<SchoolType, string> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  nine_year: "九年一贯制",
  senior: "高中",
  vocational: "中职/职教中心",
  special: "特殊教育学校",
  teacher_school: "教师进修学校",
  other: "其他",
};

/** Ownership of a school. */
export const ownerships = ["public", "private", "private_inclusive"] as const;
/** Ownership of a school. */
export type Ownership = (typeof ownerships)[number];

/** Chinese labels of ownerships. */
export const ownershipLabels: Record<Ownership, string> = {
  public: "公办",
  private: "民办",
  private_inclusive: "普惠性民办",
};

/** Chinese labels of unit kinds. */
export const unitKindLabels: Record<UnitKind, string> = { department: "科室", school: "学校" };
