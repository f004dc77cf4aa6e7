import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { forbidden } from "../../errors.js";
import { contextOf, typed } from "../../http/route-context.js";
import { readImportUpload } from "../imports/upload.js";
import { buildUserTemplate, importUsers } from "../imports/users-import.service.js";
import { sendXlsx } from "../imports/xlsx-template.js";
import { canManageUsers } from "./users.policy.js";

const tags = ["users"];

/** Excel import of users: the template download and the upload. */
export async function userImportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get("/api/users/import-template", { schema: { tags } }, async (request, reply) => {
    const ctx = contextOf(app, request);
    if (!canManageUsers(ctx.actor)) throw forbidden("只有系统管理员可以导入用户");
    const body = await buildUserTemplate();
    return sendXlsx(reply, { name: "用户导入模板.xlsx", asciiName: "users-template.xlsx", body });
  });

  r.post(
    "/api/users/import",
    {
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ imported: z.number().int() }) },
      },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      // Refuse before reading the upload, so a non-admin cannot make the server parse files.
      if (!canManageUsers(ctx.actor)) throw forbidden("只有系统管理员可以导入用户");
      return importUsers(ctx, await readImportUpload(request));
    },
  );
}
