import { AppError } from "../errors.js";
import { setTenantParent } from "../modules/cascade/index.js";
import { CliError, withDatabase } from "./runtime.js";

/**
 * `duban tenant parent`: the platform operator places a bureau under its superior (or, with no parent, at the top),
 * which opens 上下联动 between them. A refusal (unknown code, a cycle, a fourth level) is printed, nothing changes.
 */
export async function tenantParentCommand(options: { tenant: string; parent: string | null }): Promise<void> {
  try {
    const done = await withDatabase((database) => setTenantParent(database.db, options));
    console.log(done.parent ? `${done.name}的上级教育局已设为${done.parent}` : `${done.name}已设为没有上级`);
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message);
    throw e;
  }
}
