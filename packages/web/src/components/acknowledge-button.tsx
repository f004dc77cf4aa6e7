import type { Assignment } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, type ButtonProps } from "antd";
import { acknowledgeAssignment, executionKey } from "../api/execution";
import { useErrorHandler } from "../hooks/use-error-handler";

/** 签收: the receiving unit acknowledges an assignment. */
export function AcknowledgeButton({
  assignment,
  ...props
}: { assignment: Pick<Assignment, "id" | "version"> } & ButtonProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler(executionKey);
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeAssignment(assignment.id, assignment.version),
    onSuccess: () => {
      message.success("已签收");
      void queryClient.invalidateQueries({ queryKey: executionKey });
    },
    onError: (error) => onError(error),
  });
  return (
    <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate()} {...props}>
      签收
    </Button>
  );
}
