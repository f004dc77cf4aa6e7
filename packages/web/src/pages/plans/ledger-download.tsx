import { FileExcelOutlined } from "@ant-design/icons";
import { Button, DatePicker, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ledgerUrl } from "../../api/ledger";

/** 下载台账: today's 工作台账, or (with a day picked) the one recorded on that earlier day. */
export function LedgerDownload({ planId }: { planId: string }) {
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const day = asOf?.format("YYYY-MM-DD");
  return (
    <Space.Compact>
      <Button icon={<FileExcelOutlined />} href={ledgerUrl(planId, day)} download>
        {day ? `下载${day}台账` : "下载台账"}
      </Button>
      <DatePicker
        aria-label="台账截至日期"
        placeholder="截至今日"
        value={asOf}
        onChange={setAsOf}
        // The server has no record of a day still to come.
        disabledDate={(d) => d.isAfter(new Date(), "day")}
        style={{ width: 130 }}
      />
    </Space.Compact>
  );
}
