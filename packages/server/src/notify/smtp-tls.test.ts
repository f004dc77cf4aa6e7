import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpPeer, testCertificate } from "../test/loopback-peers.js";
import { type SmtpOptions, sendMail } from "./smtp-client.js";

type Peer = Awaited<ReturnType<typeof startSmtpPeer>>;
let starttls: Peer;
let implicit: Peer;
let plain: Peer;
beforeAll(async () => {
  [starttls, implicit, plain] = await Promise.all([
    startSmtpPeer({ tls: "starttls" }),
    startSmtpPeer({ tls: "implicit" }),
    startSmtpPeer(),
  ]);
});
afterAll(async () => {
  await Promise.all([starttls.close(), implicit.close(), plain.close()]);
});

const mail = (to: string) => ({
  from: "督办 <duban@edu.example>",
  to: [to],
  subject: "催办提醒",
  text: "请及时填报",
});
const send = (peer: Peer, options: Partial<SmtpOptions>, to: string) =>
  sendMail({ host: "127.0.0.1", port: peer.port, user: "duban", pass: "秘密", ...options }, mail(to));
/** What the peer read from one test's session, found by its recipient. */
const sessionOf = (peer: Peer, to: string) => {
  const end = peer.commands.findIndex((c) => c.line === `RCPT TO:<${to}>`);
  return end < 0 ? peer.commands : peer.commands.slice(0, end + 1);
};

describe("sendMail over TLS", () => {
  it("upgrades with STARTTLS, then authenticates and sends only over TLS", async () => {
    const before = starttls.commands.length;
    await send(starttls, { starttls: true, allowSelfSigned: true }, "starttls@school.example");
    const got = starttls.mails.find((m) => m.to[0] === "starttls@school.example")!;
    expect(got).toMatchObject({ secure: true, auth: "PLAIN duban:秘密", from: "duban@edu.example" });
    const session = starttls.commands.slice(before);
    // Before the upgrade: the greeting's EHLO and STARTTLS, nothing else; after it, a fresh EHLO.
    expect(session.filter((c) => !c.secure).map((c) => c.line)).toEqual(["EHLO duban.local", "STARTTLS"]);
    expect(session.find((c) => c.secure)?.line).toBe("EHLO duban.local");
    expect(session.filter((c) => c.line.startsWith("AUTH")).every((c) => c.secure)).toBe(true);
  });

  it("speaks TLS from the first byte on an implicit-TLS port (465)", async () => {
    await send(implicit, { secure: true, allowSelfSigned: true }, "implicit@school.example");
    expect(implicit.mails.find((m) => m.to[0] === "implicit@school.example")).toMatchObject({
      secure: true,
      auth: "PLAIN duban:秘密",
    });
    expect(implicit.commands.every((c) => c.secure)).toBe(true);
  });

  it("accepts a certificate from a trusted CA with checks on, the address matched against its SAN", async () => {
    await send(implicit, { secure: true, ca: testCertificate.cert }, "trusted@school.example");
    await send(starttls, { starttls: true, ca: testCertificate.cert }, "trusted@school.example");
    expect(implicit.mails.some((m) => m.to[0] === "trusted@school.example")).toBe(true);
    expect(starttls.mails.some((m) => m.to[0] === "trusted@school.example")).toBe(true);
  });

  it("refuses a self-signed certificate on an implicit-TLS port unless allowed, saying what to do", async () => {
    await expect(send(implicit, { secure: true }, "untrusted@school.example")).rejects.toThrow(
      /证书未通过验证（DEPTH_ZERO_SELF_SIGNED_CERT）.*允许自签名证书/,
    );
    expect(implicit.mails.some((m) => m.to[0] === "untrusted@school.example")).toBe(false);
  });

  it("refuses a self-signed certificate after STARTTLS before any credentials are sent", async () => {
    const before = starttls.commands.length;
    await expect(send(starttls, { starttls: true }, "untrusted@school.example")).rejects.toThrow(
      /DEPTH_ZERO_SELF_SIGNED_CERT/,
    );
    expect(starttls.commands.slice(before).map((c) => c.line)).toEqual(["EHLO duban.local", "STARTTLS"]);
  });

  it("fails rather than sending in plain text when STARTTLS is required but not offered", async () => {
    const before = plain.commands.length;
    await expect(send(plain, { starttls: true }, "downgrade@school.example")).rejects.toThrow(
      /未提供 STARTTLS/,
    );
    // Only the EHLO that found no STARTTLS: no AUTH with the password, no MAIL.
    expect(plain.commands.slice(before).map((c) => c.line)).toEqual(["EHLO duban.local"]);
    expect(sessionOf(plain, "downgrade@school.example").some((c) => c.line.startsWith("AUTH"))).toBe(false);
  });

  it("refuses an address that would inject SMTP commands, before connecting", async () => {
    const before = plain.commands.length;
    await expect(
      sendMail({ host: "127.0.0.1", port: plain.port }, mail("a@b.c>\r\nRCPT TO:<victim@x.y")),
    ).rejects.toThrow(/邮件地址无效/);
    expect(plain.commands.length).toBe(before);
  });
});
