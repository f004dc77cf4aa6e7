import { z } from "zod";
import { limits } from "../limits.js";
import { userAbilitiesSchema, userListAbilitiesSchema } from "../policies/users.js";
import { roles } from "../roles.js";
import { idSchema, nameSchema, pageOf, pageQuerySchema, searchSchema, versionSchema } from "./common.js";
import { lineText } from "./primitives.js";

/** A login is a mainland mobile number or a username of letters, digits, `.`, `_`, `-`. */
export const loginNameSchema = lineText()
  .min(3, { error: "账号至少 3 个字符" })
  .max(limits.loginMax, { error: `账号不能超过 ${limits.loginMax} 个字符` })
  .regex(/^[A-Za-z0-9._-]+$/, { error: "账号只能包含字母、数字、点、下划线和连字符（手机号亦可）" });

const emailSchema = z
  .email({ error: "邮箱格式不正确" })
  .max(limits.emailMax)
  .nullable()
  .optional()
  .or(z.literal("").transform(() => null));

const phoneSchema = lineText()
  .regex(/^1\d{10}$/, { error: "手机号应为 11 位数字" })
  .nullable()
  .optional()
  .or(z.literal("").transform(() => null));

const userFields = {
  name: nameSchema,
  login: loginNameSchema,
  phone: phoneSchema,
  email: emailSchema,
  unitId: idSchema.nullable().optional(),
  roles: z.array(z.enum(roles)).min(1, { error: "请至少选择一个角色" }).max(roles.length),
};

/** Body of `POST /api/users`; the initial password must be changed at first login. */
export const userCreateSchema = z.strictObject({
  ...userFields,
  password: z.string().min(1).max(limits.passwordMax),
});
/** User create input. */
export type UserCreateInput = z.infer<typeof userCreateSchema>;
/** A user create body as sent: an empty phone or email stands for none. */
export type UserCreateBody = z.input<typeof userCreateSchema>;

/** Body of `PUT /api/users/:id`. */
export const userUpdateSchema = z.strictObject({ ...userFields, version: versionSchema });
/** User update input. */
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;
/** A user update body as sent: an empty phone or email stands for none. */
export type UserUpdateBody = z.input<typeof userUpdateSchema>;

/** Body of `POST /api/users/:id/reset-password`. */
export const resetPasswordSchema = z.strictObject({ password: z.string().min(1).max(limits.passwordMax) });
/** Reset-password input. */
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** Query of `GET /api/users`. */
export const userQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  role: z.enum(roles).optional(),
  unitId: idSchema.optional(),
  enabled: z.enum(["true", "false"]).optional(),
});
/** User list query. */
export type UserQuery = z.infer<typeof userQuerySchema>;

/** A user as the API returns it (never the password hash). */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.enum(roles)),
  enabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: userAbilitiesSchema,
});
/** A user. */
export type User = z.infer<typeof userSchema>;

/** A page of `GET /api/users`. */
export const userPageSchema = pageOf(userSchema, userListAbilitiesSchema);
/** A page of users. */
export type UserPage = z.infer<typeof userPageSchema>;
