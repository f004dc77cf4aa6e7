import type { Form } from "@duban/domain";

/** A sent form of two fields with one cross-field rule, as GET /api/forms/:id answers it. */
export const sentForm: Form = {
  id: "form-1",
  planId: "plan-1",
  title: "幼儿园基本情况统计表",
  description: "",
  status: "active",
  ownerUnit: { id: "unit-xq", name: "学前教育科" },
  fieldCount: 2,
  roundCount: 1,
  version: 3,
  updatedAt: "2023-06-15T01:00:00.000Z",
  abilities: { edit: true, send: true, delete: false, review: true, archive: true, restore: false },
  fields: [
    { key: "f1", label: "在园幼儿数", type: "integer", required: true, min: 0, max: null, unit: "人" },
    { key: "f2", label: "公办在园幼儿数", type: "integer", required: true, min: 0, max: null, unit: "人" },
  ],
  rules: [{ source: "公办在园幼儿数 <= 在园幼儿数", message: "公办在园幼儿数不能超过在园幼儿数" }],
  rounds: [],
  fieldsInUse: [{ fieldKey: "f1", indicator: { id: "ind-1", name: "公办幼儿园在园幼儿占比" } }],
  autoRound: null,
};
