import { Input } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";

/** The search box in the header: opens the results page for the words typed. */
export function HeaderSearch({ compact }: { compact: boolean }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get("q") ?? "");
  return (
    <Input.Search
      aria-label="搜索"
      placeholder={compact ? "搜索" : "搜索任务、反馈、督办单、单位…"}
      allowClear
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(q) => {
        if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
      }}
      style={{ maxWidth: compact ? 160 : 320 }}
    />
  );
}
