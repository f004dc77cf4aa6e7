import { createHash } from "node:crypto";
import type { TlsMode } from "@duban/domain";
import { isSealed, type SecretBox } from "./secret-box.js";

export type { ChannelKind } from "@duban/domain";
export { channelKinds } from "@duban/domain";

/** SMTP settings as the worker uses them (the password opened). */
export interface EmailConfig {
  host: string;
  port: number;
  tls: TlsMode;
  user?: string;
  pass?: string;
  from: string;
  allowSelfSigned?: boolean;
}

/** A group robot as the worker uses it (webhook and secret opened). */
export interface RobotConfig {
  webhook: string;
  secret?: string;
  /** The robot's delivery target, without its token (see `robotTarget`); absent on settings saved before it. */
  target?: string;
}

/** Config fields sealed at rest: the SMTP password, the 钉钉 加签 secret, and the webhook with its token. */
export const secretFields = ["pass", "secret", "webhook"] as const;

/** Config fields the API never shows: the secrets, and the robot target derived from the webhook. */
const hiddenFields = new Set<string>([...secretFields, "target"]);

/** Seals every secret field not sealed yet; a plain value kept from before encryption gets sealed on save. */
export function sealConfig(box: SecretBox, config: Record<string, unknown>): Record<string, unknown> {
  const out = { ...config };
  for (const key of secretFields) {
    const value = out[key];
    if (typeof value === "string" && value !== "") out[key] = isSealed(value) ? value : box.seal(value);
  }
  return out;
}

/** Opens every sealed field; plain values (rows from before encryption) pass through. */
export function openConfig(box: SecretBox, config: unknown): Record<string, unknown> {
  const out = { ...(config as Record<string, unknown>) };
  for (const key of secretFields) {
    const value = out[key];
    if (typeof value === "string") out[key] = box.open(value);
  }
  return out;
}

/** The fields of a stored config an administrator may see. */
export function publicConfig(config: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config as object).filter(([key]) => !hiddenFields.has(key)));
}

/**
 * What `deliveries.target` holds for a robot: host and path, and a digest of the whole webhook after `#`. The
 * 20-a-minute limit counts per target, so it must tell robots apart, but the queue must not hold the token.
 */
export function robotTarget(webhook: string): string {
  const digest = createHash("sha256").update(webhook).digest("hex").slice(0, 16);
  try {
    const url = new URL(webhook);
    return `${url.origin}${url.pathname}#${digest}`;
  } catch {
    return `robot:${digest}`;
  }
}

/** A webhook or robot target as shown: host and path, and of a token only its last four characters. */
export function maskWebhook(webhook: string): string {
  try {
    const url = new URL(webhook);
    if (!/^https?:$/.test(url.protocol)) return "（群机器人）";
    return `${url.origin}${url.pathname}${url.search ? `?…${url.search.slice(-4)}` : ""}`;
  } catch {
    return "（无效地址）";
  }
}
