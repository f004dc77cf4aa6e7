/**
 * A Content-Disposition value: an ASCII fallback name for old clients and the real name as RFC 5987
 * `filename*`, percent-encoding everything outside attr-char (encodeURIComponent leaves ' ( ) * alone).
 */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
