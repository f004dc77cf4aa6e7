import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpPeer } from "../test/loopback-peers.js";
import { encodeHeaderWord, sendMail } from "./smtp-client.js";

let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
let loginPeer: Awaited<ReturnType<typeof startSmtpPeer>>;
beforeAll(async () => {
  peer = await startSmtpPeer();
  loginPeer = await startSmtpPeer({ authMechanisms: "LOGIN" });
});
afterAll(async () => {
  await peer.close();
  await loginPeer.close();
});

const decode = (data: string) => {
  const [head, body] = data.split("\r\n\r\n");
  return { head: head!, body: Buffer.from(body!.replace(/\r\n/g, ""), "base64").toString("utf8") };
};

describe("sendMail", () => {
  it("delivers a Chinese subject and body to a real SMTP peer with AUTH PLAIN", async () => {
    const text = `各单位：\n.以点开头的一行\n${"长".repeat(200)}`;
    await sendMail(
      { host: "127.0.0.1", port: peer.port, user: "duban", pass: "秘密" },
      { from: "督办 <duban@edu.example>", to: ["school@edu.example"], subject: "催办提醒：请及时填报", text },
    );
    const mail = peer.mails.at(-1)!;
    expect(mail.auth).toBe("PLAIN duban:秘密");
    expect(mail.from).toBe("duban@edu.example");
    expect(mail.to).toEqual(["school@edu.example"]);
    const { head, body } = decode(mail.data);
    expect(head).toContain(`Subject: ${encodeHeaderWord("催办提醒：请及时填报")}`);
    expect(head).toContain("Content-Transfer-Encoding: base64");
    expect(body).toBe(text);
  });

  it("falls back to AUTH LOGIN when PLAIN is not offered", async () => {
    await sendMail(
      { host: "127.0.0.1", port: loginPeer.port, user: "u1", pass: "p1" },
      { from: "a@b.c", to: ["x@y.z"], subject: "hello", text: "hi" },
    );
    expect(loginPeer.mails.at(-1)!.auth).toBe("LOGIN u1:p1");
  });

  it("rejects with the server's reply when a recipient is refused", async () => {
    await expect(
      sendMail(
        { host: "127.0.0.1", port: peer.port },
        { from: "a@b.c", to: ["reject@y.z"], subject: "s", text: "t" },
      ),
    ).rejects.toThrow(/550/);
  });

  it("rejects when nothing listens", async () => {
    await peer.close().catch(() => undefined);
    const dead = await startSmtpPeer();
    const port = dead.port;
    await dead.close();
    await expect(
      sendMail({ host: "127.0.0.1", port }, { from: "a@b.c", to: ["x@y.z"], subject: "s", text: "t" }),
    ).rejects.toThrow();
    peer = await startSmtpPeer();
  });

  it("encodes only non-ASCII header words", () => {
    expect(encodeHeaderWord("Weekly report")).toBe("Weekly report");
    expect(encodeHeaderWord("周报")).toBe(`=?UTF-8?B?${Buffer.from("周报").toString("base64")}?=`);
  });
});
