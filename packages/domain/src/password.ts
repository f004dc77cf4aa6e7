import { limits } from "./limits.js";

/** Character classes counted by the password policy. */
const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * Checks the 等保 password policy: at least 8 characters and 3 of the 4 classes
 * (lower, upper, digit, symbol). Returns a Chinese reason, or null when acceptable.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < limits.passwordMin) return `密码至少需要 ${limits.passwordMin} 个字符`;
  if (password.length > limits.passwordMax) return `密码不能超过 ${limits.passwordMax} 个字符`;
  const count = classes.filter((re) => re.test(password)).length;
  if (count < 3) return "密码需包含大写字母、小写字母、数字、符号中的至少三类";
  return null;
}
