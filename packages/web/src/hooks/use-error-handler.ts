import type { QueryKey } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { ApiError } from "../api/client";

/** Message shown when an update carried a stale version. */
export const staleVersionMessage = "数据已被他人修改，请刷新后重试";

/**
 * Returns a handler for failed writes: stale versions refetch `refetchKey`; validation errors are put on the
 * form's fields when a form is given; everything else shows the server's Chinese message.
 */
export function useErrorHandler(refetchKey?: QueryKey) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error("操作失败，请稍后重试");
        return;
      }
      if (error.code === "stale_version") {
        message.warning(staleVersionMessage);
        if (refetchKey) void queryClient.invalidateQueries({ queryKey: refetchKey });
        return;
      }
      // Session problems are handled by the query client's global handler (redirects).
      if (error.status === 401 || error.code === "password_change_required") return;
      if (error.code === "validation_failed" && form && applyFieldErrors(form, error)) return;
      message.error(error.message);
    },
    [message, queryClient, refetchKey],
  );
}

/** Puts `validation_failed` details on the form fields they name; false when none matched. */
export function applyFieldErrors(form: FormInstance, error: ApiError): boolean {
  if (!Array.isArray(error.details)) return false;
  const registered = new Set(form.getFieldsError().map((field) => field.name.join(".")));
  const fields = (error.details as { path?: string; message?: string }[])
    .filter((issue) => issue.path && registered.has(issue.path))
    .map((issue) => ({ name: issue.path!.split("."), errors: [issue.message ?? "输入有误"] }));
  form.setFields(fields);
  return fields.length > 0;
}
