import { createHmac } from "node:crypto";

/** A markdown message for a group robot. */
export interface RobotMessage {
  title: string;
  text: string;
}

/** 企业微信 group robot body. */
export function wecomPayload(message: RobotMessage) {
  return { msgtype: "markdown", markdown: { content: `**${message.title}**\n${message.text}` } };
}

/** 钉钉 group robot body. */
export function dingtalkPayload(message: RobotMessage) {
  return {
    msgtype: "markdown",
    markdown: { title: message.title, text: `#### ${message.title}\n${message.text}` },
  };
}

/** 钉钉 加签: base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  const digest = createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
  return encodeURIComponent(digest);
}

/** The webhook URL with the signature appended when the robot has a secret. */
export function dingtalkUrl(webhook: string, secret: string | undefined, nowMs: number): string {
  if (!secret) return webhook;
  const joiner = webhook.includes("?") ? "&" : "?";
  return `${webhook}${joiner}timestamp=${nowMs}&sign=${dingtalkSign(nowMs, secret)}`;
}

/** Posts to a robot; throws with the reason unless HTTP 2xx and errcode 0 (both vendors answer that way). */
export async function postRobot(url: string, body: unknown, timeoutMs = 10_000): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} ${text}`.slice(0, 500));
  let parsed: { errcode?: number; errmsg?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Some gateways answer 200 with an empty body; treat that as accepted.
  }
  if (parsed.errcode !== undefined && parsed.errcode !== 0)
    throw new Error(`机器人返回错误 ${parsed.errcode} ${parsed.errmsg ?? ""}`.slice(0, 500));
}
