import { canManageUnits } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { registerExcelImport } from "../imports/index.js";
import { buildUnitTemplate, importUnits } from "./units-import.service.js";

/** Excel import of units: the template download and the upload. */
export async function unitImportRoutes(app: FastifyInstance): Promise<void> {
  registerExcelImport(app, {
    resource: "units",
    label: "单位",
    canImport: canManageUnits,
    buildTemplate: buildUnitTemplate,
    importRows: importUnits,
  });
}
