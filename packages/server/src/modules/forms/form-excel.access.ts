import type { RouteAccess } from "../../test/access.js";

// The matrix's round is open and sent by the department that owns its form. Its managers download the template;
// the matrix's upload is a workbook that is not the template, refused as invalid only once the caller may import.
const managedBy = (ok: number) => ({
  admin: ok,
  leader: 403,
  supervisor: ok,
  department: ok,
  school: 404,
  inspector: 404,
});

/** Who may download a round's Excel template and import it: the form's managers. */
export const formExcelAccess: RouteAccess[] = [
  { route: "GET /api/form-rounds/:id/template", params: { id: "formRound" }, roles: managedBy(200) },
  {
    route: "POST /api/form-rounds/:id/import",
    params: { id: "formRound" },
    upload: "xlsx",
    roles: managedBy(400),
  },
];
