import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRoot } from "./app-root";
import "./global.css";

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");
createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
