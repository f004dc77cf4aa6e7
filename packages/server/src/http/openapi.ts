import type { Readable } from "node:stream";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * The request body of an upload route: a multipart form with the one file field `file` that `readUpload`
 * reads. The route itself declares no body schema, since the multipart plugin leaves `request.body` empty
 * and the file is streamed, so the document is told here.
 */
const uploadBody = {
  type: "object",
  required: ["file"],
  properties: { file: { type: "string", format: "binary" } },
};

declare module "fastify" {
  interface FastifySchema {
    /**
     * The parts of a multipart route's form other than the one file `file`, as JSON Schema: shown as its request
     * body in the document (nothing validates them there; the route reads the form itself).
     */
    formParts?: { type: "object"; required?: string[]; properties: Record<string, unknown> };
  }
}

type Transform = typeof jsonSchemaTransform;

/** The zod provider's transform (zod schemas to JSON schemas), plus the upload body of multipart routes. */
const transform: Transform = (input) => {
  const output = jsonSchemaTransform(input);
  const schema = input.schema as { consumes?: string[]; formParts?: object } | undefined;
  if (schema?.consumes?.includes("multipart/form-data") && !output.schema?.hide) {
    const { formParts: _, ...rest } = output.schema as Record<string, unknown>;
    return { ...output, schema: { ...rest, body: schema.formParts ?? uploadBody } };
  }
  return output;
};

/** The success response of a route that answers nothing (204). */
export const noContent = { 204: z.undefined().describe("完成，无返回内容") };

/**
 * A file's bytes as a route sends them (a buffer or a stream, never serialized as JSON), shown in the
 * document as binary.
 */
const fileBytes = z.custom<Buffer | Readable>(() => true).meta({ type: "string", format: "binary" });

/** The success response of a route that answers a file rather than JSON, of the media type (or range) given. */
export function fileResponse(mediaType: string, description: string) {
  return { 200: { description, content: { [mediaType]: { schema: fileBytes } } } };
}

/**
 * Registers the OpenAPI document (`GET /api/openapi.json`) and the browsable docs (`/api/docs`). Schemas that
 * carry an `id` in zod's registry (the recursive plan trees) become named components the routes refer to.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: { info: { title: "Duban API", description: "督办 REST API", version: "0.1.0" } },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { config: { auth: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
