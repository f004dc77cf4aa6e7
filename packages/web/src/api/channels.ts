import type {
  ChannelKind,
  ChannelPutBody,
  ChannelSetting,
  DeliveryItem,
  DeliveryPage,
  DeliveryQuery,
  DeliveryStatus,
  EmailConfigInput,
  RobotConfigInput,
  TlsMode,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { type FiltersOf, fetchAllItems, type Paging } from "./paging";

export type { ChannelKind, ChannelSetting, DeliveryStatus, EmailConfigInput, RobotConfigInput, TlsMode };

/** Body of PUT /api/channels, as sent. */
export type ChannelInput = ChannelPutBody;

/** One line of the delivery log; robot targets come without their token. */
export type Delivery = DeliveryItem;

/** Filters of the delivery log. */
export type DeliveryFilters = FiltersOf<DeliveryQuery>;

/** Query key of the channel settings. */
export const channelsKey = ["channels"] as const;
/** Query key prefix of the delivery log. */
export const deliveriesKey = ["deliveries"] as const;

/** The tenant's channel settings (and any per-unit ones), all of them. */
export function useChannels() {
  return useQuery({
    queryKey: channelsKey,
    queryFn: async ({ signal }) => ({ items: await fetchAllItems<ChannelSetting>("/channels", { signal }) }),
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
      apiRequest<DeliveryPage>("/deliveries", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}
