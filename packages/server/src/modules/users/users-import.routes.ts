import { canManageUsers } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { registerExcelImport } from "../imports/index.js";
import { buildUserTemplate, importUsers } from "./users-import.service.js";

/** Excel import of users: the template download and the upload. */
export async function userImportRoutes(app: FastifyInstance): Promise<void> {
  registerExcelImport(app, {
    resource: "users",
    label: "用户",
    canImport: canManageUsers,
    buildTemplate: buildUserTemplate,
    importRows: importUsers,
  });
}
