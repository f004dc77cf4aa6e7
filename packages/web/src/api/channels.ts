import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { ListPage, Paging } from "./paging";

// Local mirrors of packages/server/src/modules/channels/channels.schemas.ts (the web never imports server code).

/** The channels a message can go out on. */
export type ChannelKind = "email" | "wecom" | "dingtalk";

/** SMTP TLS mode: none, STARTTLS (587) or implicit TLS (465). */
export type TlsMode = "none" | "starttls" | "tls";

/** SMTP settings to save; `pass` left out keeps the stored password. */
export interface EmailConfigInput {
  host: string;
  port: number;
  tls: TlsMode;
  user?: string;
  pass?: string;
  from: string;
  allowSelfSigned?: boolean;
}

/** A group robot to save; `secret` left out keeps the stored 钉钉 加签 secret. */
export interface RobotConfigInput {
  webhook: string;
  secret?: string;
}

/** Body of PUT /api/channels. */
export type ChannelInput =
  | { kind: "email"; unitId: string | null; enabled: boolean; config: EmailConfigInput }
  | { kind: "wecom" | "dingtalk"; unitId: string | null; enabled: boolean; config: RobotConfigInput };

/** A channel as the API shows it: passwords and secrets never come back, only `hasSecret`. */
export interface ChannelSetting {
  id: string;
  unitId: string | null;
  kind: ChannelKind;
  enabled: boolean;
  config: Record<string, unknown>;
  hasSecret: boolean;
  updatedAt: string;
}

/** Status of one delivery. */
export type DeliveryStatus = "queued" | "sent" | "failed";

/** One line of the delivery log; robot targets come masked. */
export interface Delivery {
  id: string;
  channel: ChannelKind;
  target: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** Filters of the delivery log. */
export interface DeliveryFilters {
  status?: DeliveryStatus;
  channel?: ChannelKind;
}

/** Query key of the channel settings. */
export const channelsKey = ["channels"] as const;
/** Query key prefix of the delivery log. */
export const deliveriesKey = ["deliveries"] as const;

/** The tenant's channel settings (and any per-unit ones). */
export function useChannels() {
  return useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) => apiRequest<{ items: ChannelSetting[] }>("/channels", { signal }),
  });
}

/** Saves one channel setting. */
export function saveChannel(input: ChannelInput): Promise<ChannelSetting> {
  return apiRequest<ChannelSetting>("/channels", { method: "PUT", body: input });
}

/** One page of the delivery log. */
export function useDeliveries(filters: DeliveryFilters, paging: Paging) {
  return useQuery({
    queryKey: [...deliveriesKey, filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<ListPage<Delivery>>("/deliveries", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}
