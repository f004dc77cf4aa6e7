import { z } from "zod";
import { limits } from "../limits.js";
import { menuAbilitiesSchema } from "../policies/menu.js";
import { roles } from "../roles.js";
import { lineText } from "./primitives.js";

/** Body of `POST /api/auth/login`. */
export const loginSchema = z.strictObject({
  login: lineText().min(1, { error: "请输入账号" }).max(limits.loginMax),
  password: z.string().min(1, { error: "请输入密码" }).max(limits.passwordMax),
});
/** Login input. */
export type LoginInput = z.infer<typeof loginSchema>;

/** Body of `POST /api/auth/change-password`. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, { error: "请输入当前密码" }).max(limits.passwordMax),
  newPassword: z.string().min(1, { error: "请输入新密码" }).max(limits.passwordMax),
});
/** Change-password input. */
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The signed-in user as the web app sees it. */
export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  roles: z.array(z.enum(roles)),
  tenant: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  abilities: menuAbilitiesSchema,
});
/** The signed-in user. */
export type Me = z.infer<typeof meSchema>;
