import { Tabs } from "antd";
import { PageHeader } from "../../components/page-header";
import { ChannelSettings } from "./channel-settings";
import { DeliveryLog } from "./delivery-log";

/** 消息渠道 (`/settings/channels`): the tenant's email and group-robot settings, and the delivery log. */
export function ChannelsPage() {
  return (
    <>
      <PageHeader title="消息渠道" />
      <Tabs
        items={[
          { key: "settings", label: "渠道设置", children: <ChannelSettings /> },
          { key: "deliveries", label: "投递记录", children: <DeliveryLog /> },
        ]}
      />
    </>
  );
}
