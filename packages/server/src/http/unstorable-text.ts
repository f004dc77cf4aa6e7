import { hasUnstorableCharacter, unstorableCharacterMessage } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { invalid } from "../errors.js";

/**
 * The path of the first string (value or key) in a parsed request part that holds NUL or a lone surrogate, or
 * null. Walked with an explicit stack, so a deeply nested body cannot overflow the call stack; the body limit
 * bounds the work.
 */
function findUnstorable(root: unknown, rootPath: string): string | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      if (hasUnstorableCharacter(value)) return path;
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (hasUnstorableCharacter(key)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * Refuses, with 400 naming the field, any request whose JSON body, query string or path parameters carry NUL or
 * a lone surrogate: PostgreSQL cannot store them, so without this one place every endpoint that writes or
 * searches text (sign-in included) would answer 500. Runs after parsing and before each route's schema.
 */
export function registerUnstorableTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const parts: [unknown, string][] = [
      [request.body, ""],
      [request.query, "query"],
      [request.params, "params"],
    ];
    for (const [value, prefix] of parts) {
      const path = findUnstorable(value, prefix);
      if (path !== null)
        throw invalid(
          [{ path: path || "(body)", message: unstorableCharacterMessage }],
          "提交的内容含有无法保存的字符，请删除后重新提交",
        );
    }
  });
}
