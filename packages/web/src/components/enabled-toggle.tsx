import { Button, Popconfirm } from "antd";

/** Props of the enable/disable action of a table row. */
export interface EnabledToggleProps {
  enabled: boolean;
  /** What the record is called in the confirmation, e.g. "单位". */
  noun: string;
  loading?: boolean;
  onConfirm: (enabled: boolean) => void;
}

/** 停用 / 启用 link with a confirmation. */
export function EnabledToggle({ enabled, noun, loading, onConfirm }: EnabledToggleProps) {
  const action = enabled ? "停用" : "启用";
  return (
    <Popconfirm
      title={`确定${action}该${noun}吗？`}
      okText="确定"
      cancelText="取消"
      onConfirm={() => onConfirm(!enabled)}
    >
      <Button type="link" size="small" danger={enabled} loading={loading} style={{ paddingInline: 0 }}>
        {action}
      </Button>
    </Popconfirm>
  );
}
