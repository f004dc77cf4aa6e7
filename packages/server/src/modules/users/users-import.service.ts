import {
  canManageUsers,
  passwordProblem,
  type Role,
  roleLabels,
  type UserCreateInput,
  userCreateSchema,
} from "@duban/domain";
import { AppError, forbidden, uniqueViolation } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { hashPassword } from "../auth/index.js";
import {
  buildTemplate,
  codeOfLabel,
  ImportProblems,
  issueReasons,
  labelList,
  readSheet,
  type SheetRow,
  type TemplateColumn,
} from "../imports/index.js";
import { findAllUnits } from "../units/index.js";
import { findIdentityOwners, insertUsers, type UserValues } from "./users.repository.js";

const SHEET = "用户";

/** The columns of the user import, in template order. */
const columns: TemplateColumn[] = [
  { header: "姓名", width: 12, required: true, note: "用户的真实姓名" },
  {
    header: "账号",
    width: 18,
    required: true,
    note: "登录账号：手机号或字母、数字、点、下划线、连字符组成的用户名；全系统唯一，不区分大小写",
  },
  { header: "手机号", width: 16, required: false, note: "11 位手机号，可留空；填写后也可用手机号登录" },
  { header: "邮箱", width: 24, required: false, note: "可留空" },
  { header: "所属单位", width: 26, required: false, note: "填写系统中已有单位的完整名称；局领导等可留空" },
  {
    header: "角色",
    width: 20,
    required: true,
    note: `可填：${labelList(roleLabels)}；多个角色用顿号“、”或逗号分隔，如“科室、责任督学”`,
  },
  {
    header: "初始密码",
    width: 16,
    required: true,
    note: "至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类；用户首次登录时须修改",
  },
];

/** Field of UserCreateInput → its column, for messages. */
const columnOf: Record<string, string> = {
  name: "姓名",
  login: "账号",
  phone: "手机号",
  email: "邮箱",
  unitId: "所属单位",
  roles: "角色",
  password: "初始密码",
};

/** The user import template (.xlsx). */
export function buildUserTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: SHEET,
    columns,
    example: [
      "张明",
      "zhangming",
      "13800000000",
      "zhangming@example.com",
      "基础教育科",
      "科室",
      "Duban@2024",
    ],
    notes: [
      "第一行是表头，请勿修改；示例行请删除或改成真实数据后再导入。",
      "请先导入或新建单位，再导入用户。",
      "只要有一行有误，整个文件都不会导入；请按提示修改后重新上传。",
    ],
  });
}

/** The tenant's units by name, for matching the 所属单位 column. */
type UnitsByName = Map<string, { id: string; enabled: boolean }>;

/** Maps one row's unit name and role labels, then validates it like the create form. */
function parseRow(cells: Record<string, string>, unitsByName: UnitsByName) {
  const reasons: string[] = [];
  const unitName = cells.所属单位 ?? "";
  const unit = unitName ? unitsByName.get(unitName) : null;
  if (unitName && !unit) reasons.push(`所属单位“${unitName}”不存在，请核对名称或先添加该单位`);
  else if (unit && !unit.enabled) reasons.push(`所属单位“${unitName}”已停用，请选择其他单位`);
  const roles: Role[] = [];
  let badRole = false;
  for (const label of (cells.角色 ?? "").split(/[、,，;；\s]+/).filter(Boolean)) {
    const role = codeOfLabel(roleLabels, label);
    if (role) roles.push(role);
    else {
      badRole = true;
      reasons.push(`角色“${label}”无效，可填：${labelList(roleLabels)}`);
    }
  }
  const password = cells.初始密码 ?? "";
  const problem = password ? passwordProblem(password) : "请填写初始密码";
  if (problem) reasons.push(`初始密码：${problem}`);
  const parsed = userCreateSchema.safeParse({
    name: cells.姓名 ?? "",
    login: cells.账号 ?? "",
    phone: cells.手机号 || null,
    email: cells.邮箱 || null,
    unitId: unit?.id ?? null,
    roles: [...new Set(roles)],
    password: password || "-",
  });
  // Role problems were already named label by label; zod would only repeat them.
  if (!parsed.success)
    reasons.push(...issueReasons(parsed.error, columnOf).filter((r) => !(badRole && r.startsWith("角色"))));
  return { input: parsed.success && reasons.length === 0 ? parsed.data : undefined, reasons };
}

/** A sign-in identity a row claims: its login, and its phone unless that equals the login. */
type Claim = { label: "账号" | "手机号"; raw: string; value: string };

/** The identities one row claims. */
function claimsOf(cells: Record<string, string>): Claim[] {
  const claims: Claim[] = [];
  for (const label of ["账号", "手机号"] as const) {
    const raw = (cells[label] ?? "").trim();
    const value = raw.toLowerCase();
    if (value && !claims.some((c) => c.value === value)) claims.push({ label, raw, value });
  }
  return claims;
}

/** Why a claim cannot be had: another row of the file, or a user of any tenant (never named), has it. */
function claimProblem(claim: Claim, earlier: { row: number; label: string } | undefined, taken: boolean) {
  const reasons: string[] = [];
  if (earlier)
    reasons.push(
      claim.label === earlier.label
        ? `${claim.label}“${claim.raw}”与第 ${earlier.row} 行重复`
        : `${claim.label}“${claim.raw}”与第 ${earlier.row} 行的${earlier.label}重复`,
    );
  if (taken)
    reasons.push(
      claim.label === "账号"
        ? `账号“${claim.raw}”已被使用，请换一个`
        : `手机号“${claim.raw}”已被其他账号使用，请换一个`,
    );
  return reasons;
}

/** Validates every row against the file itself, the tenant's units and every sign-in identity in use. */
async function validateRows(ctx: ServiceContext, rows: SheetRow[]): Promise<UserCreateInput[]> {
  const { db } = ctx.database;
  const units = await findAllUnits(db, ctx.actor.tenantId, { includeDisabled: true });
  const unitsByName: UnitsByName = new Map(units.map((u) => [u.name, u]));
  const owners = await findIdentityOwners(
    db,
    rows.flatMap((r) => claimsOf(r.cells).map((c) => c.value)),
  );
  const problems = new ImportProblems();
  const firstRowOf = new Map<string, { row: number; label: string }>();
  const inputs: UserCreateInput[] = [];
  for (const { row, cells } of rows) {
    const { input, reasons } = parseRow(cells, unitsByName);
    for (const reason of reasons) problems.add(row, reason);
    for (const claim of claimsOf(cells)) {
      const earlier = firstRowOf.get(claim.value);
      if (!earlier) firstRowOf.set(claim.value, { row, label: claim.label });
      for (const reason of claimProblem(claim, earlier, owners.has(claim.value))) problems.add(row, reason);
    }
    if (input) inputs.push(input);
  }
  problems.throwIfAny();
  return inputs;
}

/** Hashes the initial passwords a few at a time: argon2id is deliberately slow and memory-hungry. */
async function toValues(ctx: ServiceContext, inputs: UserCreateInput[]): Promise<UserValues[]> {
  const values: UserValues[] = [];
  for (let i = 0; i < inputs.length; i += 4) {
    const batch = inputs.slice(i, i + 4);
    const hashes = await Promise.all(batch.map((u) => hashPassword(u.password, ctx.config.argon2)));
    batch.forEach((u, j) => {
      values.push({
        name: u.name,
        login: u.login,
        phone: u.phone ?? null,
        email: u.email ?? null,
        unitId: u.unitId ?? null,
        roles: u.roles,
        passwordHash: hashes[j]!,
        mustChangePassword: true,
      });
    });
  }
  return values;
}

/** Imports users from an .xlsx file: all rows or, when any row is bad, none. */
export async function importUsers(
  ctx: ServiceContext,
  file: { name: string; body: Buffer },
): Promise<{ imported: number }> {
  if (!canManageUsers(ctx.actor)) throw forbidden("只有系统管理员可以导入用户");
  const rows = await readSheet(file.body, {
    sheetName: SHEET,
    headers: columns.map((c) => c.header),
    required: columns.filter((c) => c.required).map((c) => c.header),
  });
  const values = await toValues(ctx, await validateRows(ctx, rows));
  await ctx.database.db
    .transaction(async (tx) => {
      await insertUsers(tx, ctx.actor.tenantId, values);
      await audit(ctx, tx, {
        action: "user.import",
        entity: "user",
        summary: { file: file.name, count: values.length, logins: values.slice(0, 50).map((v) => v.login) },
      });
    })
    .catch((err) => {
      // Someone took one of these logins or phones between validation and insert.
      if (uniqueViolation(err))
        throw new AppError("conflict", "导入期间有账号或手机号被其他账号占用，请重新上传");
      throw err;
    });
  return { imported: values.length };
}
