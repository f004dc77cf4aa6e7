import type { FastifyReply } from "fastify";

/** The media type of a Word document. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A built Word document: its Chinese file name, an ASCII fallback name, and its bytes. */
export interface DocxFile {
  name: string;
  asciiName: string;
  body: Buffer;
}

/** Sends a .docx as a download under its Chinese name (RFC 5987), never cached. */
export function sendDocx(reply: FastifyReply, file: DocxFile) {
  return reply
    .header("content-type", DOCX_TYPE)
    .header(
      "content-disposition",
      `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header("cache-control", "no-store")
    .send(file.body);
}
