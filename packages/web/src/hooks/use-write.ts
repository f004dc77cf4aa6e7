import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { useErrorHandler } from "./use-error-handler";

/**
 * A write that says so on success and refreshes `refresh` (plus `also`); stale versions refetch, validation
 * errors land on the form's fields, everything else shows the server's message.
 */
export function useWrite<T, R = unknown>(options: {
  mutationFn: (values: T) => Promise<R>;
  success: string | ((result: R) => string);
  refresh: QueryKey;
  also?: QueryKey[];
  form?: FormInstance;
  onDone?: (result: R) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(options.refresh);
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: (result) => {
      message.success(typeof options.success === "string" ? options.success : options.success(result));
      for (const key of [options.refresh, ...(options.also ?? [])])
        void queryClient.invalidateQueries({ queryKey: key });
      options.onDone?.(result);
    },
    onError: (error) => onError(error, options.form),
  });
}
