/** One event of the streaming XML walk: an opening tag (possibly self-closing), a closing tag, or text. */
export type XmlEvent =
  | { type: "open"; name: string; attrs: string; selfClosing: boolean }
  | { type: "close"; name: string }
  | { type: "text"; text: string };

// Comments, processing instructions, CDATA and doctype are matched first so their `<`/`>` never confuse tags.
const token =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

/** Walks OOXML parts tag by tag; namespace prefixes are dropped because Office files vary them (w:, ns0:, none). */
export function* walkXml(xml: string): Generator<XmlEvent> {
  token.lastIndex = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[1] !== undefined) yield { type: "text", text: m[1] };
    else if (m[3] !== undefined) {
      const name = localName(m[3]);
      if (m[2]) yield { type: "close", name };
      else yield { type: "open", name, attrs: m[4] ?? "", selfClosing: m[5] === "/" };
    } else if (m[6] !== undefined) yield { type: "text", text: decodeEntities(m[6]) };
  }
}

/** Reads one attribute by local name, e.g. `w:val` or `val`, from a tag's attribute text. */
export function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? "");
}

/** Strips a namespace prefix. */
function localName(qualified: string): string {
  const i = qualified.indexOf(":");
  return i < 0 ? qualified : qualified.slice(i + 1);
}

const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return named[body] ?? whole;
    const code = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
