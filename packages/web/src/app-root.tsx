import { QueryClientProvider } from "@tanstack/react-query";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useState } from "react";
import { createBrowserRouter, RouterProvider, ScrollRestoration } from "react-router";
import { createQueryClient } from "./api/query-client";
import { AppRoutes } from "./app-routes";

dayjs.locale("zh-cn");

// A data router, so screens with unsaved edits can block in-app navigation (useBlocker); the routes themselves
// stay declarative in AppRoutes. ScrollRestoration opens every new page at its top (or at its #hash) and puts
// back the position on 后退, instead of carrying the last page's scroll over.
const router = createBrowserRouter([
  {
    path: "*",
    element: (
      <>
        <ScrollRestoration />
        <AppRoutes />
      </>
    ),
  },
]);

/** The app's providers: Chinese Ant Design, TanStack Query and the router. */
export function AppRoot() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider
      locale={zhCN}
      // Ant Design puts a space between two Chinese characters ("登 录"); keep labels exact for users and tests.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#b4232a", borderRadius: 6 } }}
    >
      <App>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}
