import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";

/** A mail as the loopback SMTP server received it. */
export interface ReceivedMail {
  auth: string | null;
  from: string;
  to: string[];
  data: string;
  /** Whether the session was encrypted (implicit TLS or after STARTTLS) when the mail was sent. */
  secure: boolean;
}

/** A command line the loopback SMTP server read, and whether it came over TLS. */
export interface ReceivedCommand {
  line: string;
  secure: boolean;
}

/** How the loopback SMTP server speaks TLS: not at all (the default), STARTTLS on offer, or implicit (465). */
export interface SmtpPeerOptions {
  authMechanisms?: string;
  tls?: "starttls" | "implicit";
}

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
/** A self-signed certificate for 127.0.0.1 and localhost, for the loopback peers only. */
export const testCertificate = {
  key: fs.readFileSync(path.join(fixtures, "smtp-test-localhost.key.pem"), "utf8"),
  cert: fs.readFileSync(path.join(fixtures, "smtp-test-localhost.cert.pem"), "utf8"),
};

/** A minimal SMTP server on 127.0.0.1: EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, QUIT. */
export async function startSmtpPeer(options: SmtpPeerOptions = {}) {
  const mails: ReceivedMail[] = [];
  const commands: ReceivedCommand[] = [];
  const sockets = new Set<net.Socket>();
  const greet = (socket: net.Socket, secure: boolean) => {
    sockets.add(socket);
    // A client refusing the certificate resets the connection; that is the test's point, not a crash.
    socket.on("error", () => undefined);
    socket.write("220 loopback ESMTP\r\n");
    smtpSession(socket, secure, { options, mails, commands, sockets });
  };
  const server =
    options.tls === "implicit"
      ? tls.createServer(testCertificate, (socket) => greet(socket, true))
      : net.createServer((socket) => greet(socket, false));
  if (options.tls === "implicit") server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    mails,
    commands,
    close: () =>
      new Promise<void>((r) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => r());
      }),
  };
}

/** One SMTP conversation; STARTTLS starts a new one over TLS, forgetting the old state as RFC 3207 requires. */
function smtpSession(
  socket: net.Socket,
  secure: boolean,
  peer: {
    options: SmtpPeerOptions;
    mails: ReceivedMail[];
    commands: ReceivedCommand[];
    sockets: Set<net.Socket>;
  },
): void {
  const { options, mails, commands } = peer;
  socket.setEncoding("utf8");
  const say = (line: string) => socket.write(`${line}\r\n`);
  let buffer = "";
  let inData = false;
  let login: string[] | null = null;
  let mail: ReceivedMail = { auth: null, from: "", to: [], data: "", secure };
  const onData = (chunk: string) => {
    buffer += chunk;
    let i = buffer.indexOf("\r\n");
    while (i >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      i = buffer.indexOf("\r\n");
      if (inData) {
        if (line === ".") {
          inData = false;
          mails.push(mail);
          mail = { auth: mail.auth, from: "", to: [], data: "", secure };
          say("250 queued");
        } else mail.data += `${line.replace(/^\.\./, ".")}\r\n`;
        continue;
      }
      commands.push({ line, secure });
      if (login) {
        login.push(Buffer.from(line, "base64").toString("utf8"));
        if (login.length === 1) say("334 UGFzc3dvcmQ6");
        else {
          mail.auth = `LOGIN ${login[0]}:${login[1]}`;
          login = null;
          say("235 ok");
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") {
        const starttls = options.tls === "starttls" && !secure ? "250-STARTTLS\r\n" : "";
        // AUTH is offered even before TLS, as lenient servers do: the client must hold back on its own.
        say(`250-loopback\r\n${starttls}250 AUTH ${options.authMechanisms ?? "PLAIN LOGIN"}`);
      } else if (line.toUpperCase() === "STARTTLS" && options.tls === "starttls" && !secure) {
        say("220 ready to start TLS");
        socket.removeListener("data", onData);
        const upgraded = new tls.TLSSocket(socket, { isServer: true, ...testCertificate });
        upgraded.on("error", () => undefined);
        peer.sockets.add(upgraded);
        smtpSession(upgraded, true, peer);
        return;
      } else if (line.startsWith("AUTH PLAIN ")) {
        const [, user, pass] = Buffer.from(line.slice(11), "base64").toString("utf8").split("\0");
        mail.auth = `PLAIN ${user}:${pass}`;
        say("235 ok");
      } else if (line === "AUTH LOGIN") {
        login = [];
        say("334 VXNlcm5hbWU6");
      } else if (verb === "MAIL") {
        mail.from = /<(.*)>/.exec(line)![1]!;
        say("250 ok");
      } else if (verb === "RCPT") {
        const to = /<(.*)>/.exec(line)![1]!;
        if (to.startsWith("reject")) say("550 no such user");
        else {
          mail.to.push(to);
          say("250 ok");
        }
      } else if (verb === "DATA") {
        inData = true;
        say("354 go ahead");
      } else if (verb === "QUIT") {
        say("221 bye");
        socket.end();
      } else say("502 unknown");
    }
  };
  socket.on("data", onData);
}

/** A request the robot peer received. */
export interface RobotRequest {
  url: URL;
  body: unknown;
  at: number;
}

/**
 * An HTTP server on 127.0.0.1 standing in for 企业微信/钉钉 robots; answers with `statuses` in turn, then 200,
 * each answer `delayMs` after the request arrived (a slow robot).
 */
export async function startRobotPeer(statuses: number[] = [], options: { delayMs?: number } = {}) {
  const requests: RobotRequest[] = [];
  let answered = 0;
  let arrived: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      raw += c;
    });
    req.on("end", () => {
      requests.push({
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        body: JSON.parse(raw),
        at: Date.now(),
      });
      arrived?.();
      const status = statuses.shift() ?? 200;
      setTimeout(() => {
        answered++;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(
          JSON.stringify(status === 200 ? { errcode: 0, errmsg: "ok" } : { errcode: -1, errmsg: "busy" }),
        );
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    /** Requests answered so far. */
    answered: () => answered,
    /** Resolves when the next request has arrived, before it is answered. */
    nextRequest: () =>
      new Promise<void>((resolve) => {
        arrived = () => {
          arrived = null;
          resolve();
        };
      }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
