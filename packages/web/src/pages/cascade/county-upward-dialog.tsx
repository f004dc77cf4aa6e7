import type { HandDown } from "@duban/domain";
import { Modal } from "antd";
import { useHandDownUpwardReports } from "../../api/cascade-upward";
import { taskName } from "./hand-down-dialog";
import { UpwardReportList } from "./upward-report-list";

/** What the counties sent up on one hand-down（向上报送）, one county's or all, with the files they attached. */
export function CountyUpwardDialog({
  handDown,
  county,
  onClose,
}: {
  handDown: HandDown | null;
  county?: { id: string; name: string } | undefined;
  onClose: () => void;
}) {
  const list = useHandDownUpwardReports(handDown?.id ?? null, county?.id);
  return (
    <Modal
      title={
        handDown ? `${county ? `${county.name} · ` : ""}向上报送：${taskName(handDown.node)}` : "向上报送"
      }
      open={!!handDown}
      width={720}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <UpwardReportList
        reports={list.data?.items ?? []}
        empty={list.isFetching ? "加载中…" : county ? "该县尚未向上报送" : "各县尚未向上报送"}
        showCounty={!county}
      />
    </Modal>
  );
}
