import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Database } from "../db/client.js";
import { auditRequests } from "./tenant-scope-audit.js";
import { openTestDatabase, testConfig } from "./test-app.js";

/** One operation of the document, as far as these checks read it. */
interface Operation {
  parameters?: { in: string; name: string; schema?: object }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type Schema = { type?: string; properties?: Record<string, Schema>; $ref?: string; items?: Schema };

/** Routes kept out of the document on purpose: the document itself and the browsable docs. */
const hidden = [
  "GET /api/docs/",
  "GET /api/docs/json",
  "GET /api/docs/static/*",
  "GET /api/docs/static/index.html",
  "GET /api/docs/static/swagger-initializer.js",
  "GET /api/docs/yaml",
  "GET /api/openapi.json",
];

let app: FastifyInstance;
let database: Database;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const routes: RouteOptions[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig();
  // The routes as registered, to hold the document against; HEAD twins of GET routes are Fastify's own.
  const instrument = (instance: FastifyInstance) => {
    auditRequests(instance);
    instance.addHook("onRoute", (route) => {
      if (route.method !== "HEAD") routes.push(route);
    });
  };
  app = await buildApp({ database, config, webRoot: null, instrument });
  await app.ready();
  const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  doc = res.json();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** The methods of a registered route (HEAD aside) and its path as the document writes it, `/api/x/{id}`. */
function keyOf(route: RouteOptions): { methods: string[]; path: string } {
  const methods = [route.method].flat().filter((m) => m !== "HEAD");
  return { methods, path: route.url.replace(/:(\w+)/g, "{$1}") };
}

/** Whether a JSON schema says something: not `{}` and not an object with no properties at all. */
function isMeaningful(schema: object | undefined): boolean {
  return !!schema && Object.keys(schema).length > 0;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI document whose every $ref resolves", async () => {
    const validator = new Validator();
    // The validator resolves refs in place (making the tree circular), so it gets a copy.
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result).toEqual({ valid: true });
    expect(() => validator.resolveRefs()).not.toThrow();
    // The recursive plan trees are named components rather than refs to schemas that do not exist.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(refs)).toEqual(
      new Set(["DraftNode", "DraftNodeInput", "PlanTreeNode", "PlanTreeNodeInput"]),
    );
  });

  it("hides only the document and the browsable docs", () => {
    const hiddenRoutes = routes
      .filter((r) => (r.schema as { hide?: boolean } | undefined)?.hide)
      .flatMap((r) => keyOf(r).methods.map((m) => `${m} ${r.url}`))
      .sort();
    expect(hiddenRoutes).toEqual(hidden);
  });

  it("has every registered route with its parameters, body and success response", () => {
    const problems: string[] = [];
    const documented = Object.values(doc.paths).flatMap((ops) => Object.keys(ops)).length;
    let checked = 0;
    for (const route of routes.flatMap((r) => keyOf(r).methods.map((method) => ({ ...r, method })))) {
      const schema = (route.schema ?? {}) as Record<string, unknown>;
      if (schema.hide) continue;
      const { path } = keyOf(route);
      const method = route.method as string;
      const name = `${method} ${path}`;
      checked++;
      const op = doc.paths[path]?.[method.toLowerCase()];
      if (!op) {
        problems.push(`${name}: not in the document`);
        continue;
      }
      const params = op.parameters ?? [];
      for (const [, param] of path.matchAll(/\{(\w+)\}/g))
        if (!params.some((p) => p.in === "path" && p.name === param && isMeaningful(p.schema)))
          problems.push(`${name}: path parameter ${param} undocumented`);
      if (schema.querystring && !params.some((p) => p.in === "query" && isMeaningful(p.schema)))
        problems.push(`${name}: query undocumented`);
      const takesBody = !!schema.body || (schema.consumes as string[] | undefined)?.length;
      const body = Object.values(op.requestBody?.content ?? {})[0]?.schema;
      if (takesBody && !isMeaningful(body)) problems.push(`${name}: body undocumented`);
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      if (success.length === 0) problems.push(`${name}: no success response`);
      for (const [status, response] of success) {
        // 204 is the one success that has no content by definition.
        if (status === "204") continue;
        const content = Object.values(response.content ?? {})[0]?.schema;
        if (!isMeaningful(content)) problems.push(`${name}: ${status} response undocumented`);
      }
    }
    expect(problems).toEqual([]);
    // And nothing in the document that is not a route.
    expect(documented).toBe(checked);
  });

  it("documents every list as one page shape: items, total, page, pageSize and typed abilities", () => {
    const pageKeys = ["abilities", "items", "page", "pageSize", "total"];
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        const schema = op.responses["200"]?.content?.["application/json"]?.schema as Schema | undefined;
        if (!schema) continue;
        if (schema.type === "array") problems.push(`${name}: answers a bare array`);
        const props = schema.properties ?? {};
        if (!props.items) continue;
        const missing = pageKeys.filter((k) => !props[k]);
        if (missing.length) problems.push(`${name}: list without ${missing.join(", ")}`);
        if (props.abilities?.type !== "object") problems.push(`${name}: abilities not an object`);
        // Typed per list: named booleans, never an open record of them.
        if (
          props.abilities &&
          "additionalProperties" in props.abilities &&
          props.abilities.additionalProperties
        )
          problems.push(`${name}: abilities an open record`);
        if (!op.parameters?.some((p) => p.in === "query" && p.name === "pageSize"))
          problems.push(`${name}: list without a pageSize parameter`);
      }
    expect(problems).toEqual([]);
  });
});
