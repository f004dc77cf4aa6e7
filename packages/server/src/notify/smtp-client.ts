import net from "node:net";
import tls from "node:tls";

/** How to reach the SMTP server: `secure` is implicit TLS (465); `starttls` upgrades a plain connection (587). */
export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  starttls?: boolean;
  user?: string;
  pass?: string;
  /** Accept a self-signed certificate (an intranet mail server); off by default. */
  allowSelfSigned?: boolean;
  /** Extra trusted CA certificates (PEM); the system's are trusted anyway. */
  ca?: string | string[];
  timeoutMs?: number;
}

/** One plain-text UTF-8 message. */
export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** A reply line set from the server: its code and joined text. */
interface Reply {
  code: number;
  text: string;
}

/** RFC 2047 encoded-word, so a Chinese subject survives 7-bit transport. */
export function encodeHeaderWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/** The message as sent after DATA: headers, base64 body wrapped at 76 columns, CRLF line ends. */
export function formatMessage(message: MailMessage, now = new Date()): string {
  const body = Buffer.from(message.text, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n");
  return [
    `From: ${message.from}`,
    `To: ${message.to.join(", ")}`,
    `Subject: ${encodeHeaderWord(message.subject)}`,
    `Date: ${now.toUTCString().replace("GMT", "+0000")}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    body,
  ].join("\r\n");
}

/** Reads SMTP replies off a socket, one complete (possibly multi-line) reply at a time. */
class ReplyReader {
  private buffer = "";
  private lines: string[] = [];
  private waiting: ((r: Reply) => void) | null = null;
  private failed: ((e: Error) => void) | null = null;
  private error: Error | null = null;

  attach(socket: net.Socket): void {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.drain();
    });
    const fail = (e: Error) => {
      // The first error explains the failure; the close that follows it does not.
      this.error ??= e;
      this.failed?.(this.error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("SMTP 连接已关闭")));
  }

  next(): Promise<Reply> {
    if (this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
      this.drain();
    });
  }

  private drain(): void {
    let i = this.buffer.indexOf("\r\n");
    while (i >= 0 && this.waiting) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      this.lines.push(line);
      // "250-…" continues a reply, "250 …" ends it.
      if (line[3] !== "-") {
        const reply = { code: Number(line.slice(0, 3)), text: this.lines.map((l) => l.slice(4)).join("\n") };
        this.lines = [];
        const done = this.waiting;
        this.waiting = null;
        done(reply);
      }
      i = this.buffer.indexOf("\r\n");
    }
  }
}

/** Sends one message over SMTP and resolves once the server accepted it; rejects with the server's reply. */
export async function sendMail(options: SmtpOptions, message: MailMessage): Promise<void> {
  for (const address of [message.from, ...message.to]) assertAddress(address);
  const timeout = options.timeoutMs ?? 15_000;
  const secureContext = tlsOptionsOf(options);
  let socket: net.Socket = options.secure
    ? tls.connect({ host: options.host, port: options.port, ...secureContext })
    : net.connect({ host: options.host, port: options.port });
  socket.setTimeout(timeout, () => socket.destroy(new Error("SMTP 服务器响应超时")));
  let reader = new ReplyReader();
  reader.attach(socket);
  const command = async (line: string | null, expect: number[]): Promise<Reply> => {
    if (line !== null) socket.write(`${line}\r\n`);
    const reply = await reader.next();
    if (!expect.includes(reply.code)) throw new Error(`SMTP ${reply.code} ${reply.text}`.slice(0, 500));
    return reply;
  };
  try {
    await command(null, [220]);
    let ehlo = await command("EHLO duban.local", [250]);
    if (options.starttls && !options.secure) {
      // Required TLS that the server does not offer is a failure, never a quiet fall back to plain text.
      if (!/^STARTTLS\b/im.test(ehlo.text))
        throw new Error("SMTP 服务器未提供 STARTTLS，邮件未以明文发送；请核对端口与加密方式");
      await command("STARTTLS", [220]);
      socket = await upgradeToTls(socket, secureContext);
      socket.setTimeout(timeout, () => socket.destroy(new Error("SMTP 服务器响应超时")));
      // A fresh reader: anything the server sent before the handshake is discarded (RFC 3207 §4.2).
      reader = new ReplyReader();
      reader.attach(socket);
      ehlo = await command("EHLO duban.local", [250]);
    }
    // Only here, after any TLS upgrade, do credentials go on the wire.
    if (options.user) await authenticate(command, ehlo.text, options.user, options.pass ?? "");
    await command(`MAIL FROM:<${addressOf(message.from)}>`, [250]);
    for (const to of message.to) await command(`RCPT TO:<${addressOf(to)}>`, [250, 251]);
    await command("DATA", [354]);
    // Dot-stuffing: a line that starts with "." gets another, per RFC 5321 §4.5.2.
    const data = formatMessage(message).replace(/^\./gm, "..");
    await command(`${data}\r\n.`, [250]);
    await command("QUIT", [221]).catch(() => undefined);
  } catch (e) {
    throw explainTlsError(e);
  } finally {
    socket.destroy();
  }
}

/** Certificate checks: on unless `allowSelfSigned`; SNI only for a host name (RFC 6066 forbids an address). */
function tlsOptionsOf(options: SmtpOptions): tls.ConnectionOptions {
  return {
    rejectUnauthorized: !options.allowSelfSigned,
    ...(net.isIP(options.host) ? {} : { servername: options.host }),
    ...(options.ca ? { ca: options.ca } : {}),
  };
}

/** Wraps the plain connection in TLS after the server's 220 to STARTTLS; resolves once the handshake is done. */
function upgradeToTls(plain: net.Socket, secureContext: tls.ConnectionOptions): Promise<tls.TLSSocket> {
  plain.removeAllListeners("data");
  plain.setTimeout(0);
  const secure = tls.connect({ socket: plain, ...secureContext });
  return new Promise((resolve, reject) => {
    secure.once("secureConnect", () => resolve(secure));
    secure.once("error", (e) => {
      secure.destroy();
      reject(e);
    });
  });
}

/** Certificate errors Node reports by code, which an administrator can act on. */
const certificateErrors = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Turns a certificate failure into a message that says what to do; other errors pass through. */
function explainTlsError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !certificateErrors.has(code)) return e;
  return new Error(
    `SMTP 服务器证书未通过验证（${code}）：请为服务器配置受信任的证书，内网自签名证书可在消息渠道中勾选“允许自签名证书”`,
  );
}

/** Refuses an address that could smuggle SMTP commands or headers (a line break or angle brackets). */
function assertAddress(value: string): void {
  if (/[\r\n]/.test(value) || /[<>]/.test(addressOf(value)))
    throw new Error(`邮件地址无效：${JSON.stringify(value).slice(0, 100)}`);
}

/** AUTH PLAIN when offered, else AUTH LOGIN. */
async function authenticate(
  command: (line: string, expect: number[]) => Promise<Reply>,
  ehloText: string,
  user: string,
  pass: string,
): Promise<void> {
  const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
  const offered = /AUTH[ =][^\n]*PLAIN/i.test(ehloText);
  if (offered) {
    await command(`AUTH PLAIN ${b64(`\0${user}\0${pass}`)}`, [235]);
    return;
  }
  await command("AUTH LOGIN", [334]);
  await command(b64(user), [334]);
  await command(b64(pass), [235]);
}

/** The bare address of "名字 <a@b>" or "a@b". */
function addressOf(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1] ?? value.trim();
}
