import { passwordProblem } from "@duban/domain";
import type { FormRule } from "antd";

/** Form rules of a new password: required, and the 等保 policy checked in the browser too. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: "请输入密码" },
  {
    validator: (_, value: string | undefined) => {
      const problem = value ? passwordProblem(value) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

/** Hint shown under new-password fields. */
export const passwordHint = "至少 8 个字符，包含大写字母、小写字母、数字、符号中的至少三类";
