import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { setViewportWidth } from "./viewport";

// A findBy… or waitFor waits up to 5 s (Testing Library's default is 1 s): a screen of antd tables and cards can take
// longer than a second to render while the machine runs other test files; only a failing wait lasts that long.
configure({ asyncUtilTimeout: 5000 });

// Testing Library unmounts after each test on its own only when test globals are on; they are off here.
// Files share one window per worker (isolate: false), so a phone-width test puts the desktop width back.
afterEach(() => {
  cleanup();
  setViewportWidth(1024);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
