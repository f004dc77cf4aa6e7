import type { SetEnabledInput } from "@duban/domain";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useErrorHandler } from "./use-error-handler";

/** A mutation that enables or disables one record and refreshes the lists under `key`. */
export function useSetEnabled(key: QueryKey, send: (id: string, input: SetEnabledInput) => Promise<unknown>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(key);
  return useMutation({
    mutationFn: (vars: { id: string } & SetEnabledInput) =>
      send(vars.id, { enabled: vars.enabled, version: vars.version }),
    onSuccess: (_, vars) => {
      message.success(vars.enabled ? "已启用" : "已停用");
      return queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => onError(error),
  });
}
