import { App } from "antd";
import { useEffect } from "react";
import { useBlocker } from "react-router";

/** Warns before the user leaves with unsaved edits: the browser's prompt on unload, a confirm inside the app. */
export function useUnsavedGuard(dirtyRef: { readonly current: boolean }, dirty: boolean): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: "有未保存的修改",
      content: "离开后本次修改将丢失，确定离开吗？",
      okText: "离开",
      cancelText: "留下",
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
}
