import type {
  ChannelKind,
  ChannelPutInput,
  ChannelSetting,
  DeliveryItem,
  DeliveryStatus,
  EmailConfigInput,
  RobotConfigInput,
  TlsMode,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { ListPage, Paging } from "./paging";

export type { ChannelKind, ChannelSetting, DeliveryStatus, EmailConfigInput, RobotConfigInput, TlsMode };

/** Body of PUT /api/channels. */
export type ChannelInput = ChannelPutInput;

/** One line of the delivery log; robot targets come without their token. */
export type Delivery = DeliveryItem;

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
