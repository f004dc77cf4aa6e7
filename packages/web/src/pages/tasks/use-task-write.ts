import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { isApiError } from "../../api/client";
import { decomposeKey } from "../../api/decompose";
import { executionKey } from "../../api/execution";
import { plansKey } from "../../api/plans";
import { useErrorHandler } from "../../hooks/use-error-handler";

/**
 * A write on the task page（分解、办结）: on success it says so and refreshes the plan tree, change records and
 * close-outs; a stale version warns and refetches; validation errors land on the form's fields.
 */
export function useTaskWrite<T>(options: {
  mutationFn: (values: T) => Promise<unknown>;
  success: string | ((values: T) => string);
  form?: FormInstance;
  onDone?: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(plansKey);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: plansKey });
    void queryClient.invalidateQueries({ queryKey: decomposeKey });
    void queryClient.invalidateQueries({ queryKey: executionKey });
  };
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: (_, values) => {
      message.success(typeof options.success === "string" ? options.success : options.success(values));
      refresh();
      options.onDone?.();
    },
    onError: (error) => {
      onError(error, options.form);
      // A 409 that is not a stale version (e.g. the task was closed meanwhile) also means our copy is old.
      if (isApiError(error, "conflict")) refresh();
    },
  });
}
