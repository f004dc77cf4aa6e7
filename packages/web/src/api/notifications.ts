import type {
  Notification,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesInput,
  ReadAllResult,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { Paging } from "./paging";

export type { NotificationPage };

/** Root query key of the notification centre. */
export const notificationsKey = ["notifications"] as const;

/** The newest notifications for the bell, polled every minute and whenever the window regains focus. */
export function useBellNotifications() {
  return useQuery({
    queryKey: [...notificationsKey, "bell"],
    queryFn: ({ signal }) =>
      apiRequest<NotificationPage>("/notifications", { query: { page: 1, pageSize: 10 }, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** One page of the user's notifications, optionally unread only. */
export function useNotifications(paging: Paging, unread?: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, "list", paging, unread ?? null],
    queryFn: ({ signal }) =>
      apiRequest<NotificationPage>("/notifications", {
        query: { ...paging, unread: unread ? "true" : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Marks one notification read. */
export function readNotification(id: string): Promise<Notification> {
  return apiRequest<Notification>(`/notifications/${id}/read`, { method: "POST" });
}

/** Marks every notification of the user read. */
export function readAllNotifications(): Promise<ReadAllResult> {
  return apiRequest<ReadAllResult>("/notifications/read-all", { method: "POST" });
}

/** The signed-in user's mode for every notification kind. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: [...notificationsKey, "preferences"],
    queryFn: ({ signal }) => apiRequest<NotificationPreferences>("/notification-preferences", { signal }),
  });
}

/** Sets the signed-in user's modes for the kinds given. */
export function saveNotificationPreferences(
  input: NotificationPreferencesInput,
): Promise<NotificationPreferences> {
  return apiRequest<NotificationPreferences>("/notification-preferences", { method: "PUT", body: input });
}
