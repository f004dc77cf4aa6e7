import http from "node:http";
import net from "node:net";

/** A mail as the loopback SMTP server received it. */
export interface ReceivedMail {
  auth: string | null;
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server on 127.0.0.1: EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, QUIT. */
export async function startSmtpPeer(options: { authMechanisms?: string } = {}) {
  const mails: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    const say = (line: string) => socket.write(`${line}\r\n`);
    let buffer = "";
    let inData = false;
    let login: string[] | null = null;
    let mail: ReceivedMail = { auth: null, from: "", to: [], data: "" };
    say("220 loopback ESMTP");
    socket.on("data", (chunk: string) => {
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
            mail = { auth: mail.auth, from: "", to: [], data: "" };
            say("250 queued");
          } else mail.data += `${line.replace(/^\.\./, ".")}\r\n`;
          continue;
        }
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
        if (verb === "EHLO") say(`250-loopback\r\n250 AUTH ${options.authMechanisms ?? "PLAIN LOGIN"}`);
        else if (line.startsWith("AUTH PLAIN ")) {
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A request the robot peer received. */
export interface RobotRequest {
  url: URL;
  body: unknown;
  at: number;
}

/** An HTTP server on 127.0.0.1 standing in for 企业微信/钉钉 robots; answers with `statuses` in turn, then 200. */
export async function startRobotPeer(statuses: number[] = []) {
  const requests: RobotRequest[] = [];
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
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(status === 200 ? { errcode: 0, errmsg: "ok" } : { errcode: -1, errmsg: "busy" }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
