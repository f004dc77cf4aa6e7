/** Keys whose values are English by design: a field path, a code. */
const codeKeys = new Set(["path", "code", "field"]);

// An exception's class name, or two English words in a row ("Invalid PDF structure", "End of data"): the
// shape of an internal message, never of the Chinese text the API answers with.
const englishPattern = /\b[A-Z]?[a-z]+(?:Error|Exception)\b|\b[A-Za-z]{2,}[ :]+[A-Za-z]{3,}\b/;

/**
 * The first English exception-like text in an error answer's message or details, or null. Field paths and
 * codes are skipped; everything else a client would show is expected to be Chinese.
 */
export function englishTextIn(error: unknown, key = ""): string | null {
  if (typeof error === "string") return !codeKeys.has(key) && englishPattern.test(error) ? error : null;
  if (Array.isArray(error)) return error.map((v) => englishTextIn(v, key)).find((v) => v !== null) ?? null;
  if (error && typeof error === "object")
    return (
      Object.entries(error)
        .filter(([k]) => k !== "code")
        .map(([k, v]) => englishTextIn(v, k))
        .find((v) => v !== null) ?? null
    );
  return null;
}
