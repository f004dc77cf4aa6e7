import type { Me } from "@duban/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { meKey } from "../api/auth";

/**
 * Renders a component inside the providers the app gives it (Ant Design's App, TanStack Query, a router at
 * `path`), signed in as `me` when given.
 */
export function renderInApp(element: ReactElement, { path = "/", me }: { path?: string; me?: Me } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (me) queryClient.setQueryData(meKey, me);
  const result = render(
    // As in the app, no space between two Chinese characters, so button names are exact; no motion, so a
    // closed dialog leaves the page at once.
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { motion: false } }}>
      <App>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
        </QueryClientProvider>
      </App>
    </ConfigProvider>,
  );
  return { ...result, queryClient };
}
