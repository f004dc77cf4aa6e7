import type { PlanDetail, PlanSettingsInput } from "@duban/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Drawer,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import {
  type Cycle,
  closeCycle,
  executionKey,
  openCycle,
  updatePlanSettings,
  useCycles,
} from "../../api/execution";
import { plansKey } from "../../api/plans";
import { useErrorHandler } from "../../hooks/use-error-handler";

const cadenceOptions = [
  { value: "monthly", label: "每月" },
  { value: "weekly", label: "每周" },
  { value: "quarterly", label: "每季度" },
  { value: "adhoc", label: "不定期" },
];

type SettingsValues = Omit<PlanSettingsInput, "version">;

/** 填报周期 of a plan for the supervision office: cadence settings, cycles with counts, open and close. */
export function CyclesDrawer({
  plan,
  open,
  onClose,
}: {
  plan: PlanDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const cycles = useCycles(plan.id);
  const onError = useErrorHandler([...plansKey, "detail", plan.id]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: executionKey });
    void queryClient.invalidateQueries({ queryKey: plansKey });
  };
  const settings = useMutation({
    mutationFn: (values: SettingsValues) => updatePlanSettings(plan.id, { ...values, version: plan.version }),
    onSuccess: () => {
      message.success("填报设置已保存");
      refresh();
    },
    onError: (error) => onError(error, form),
  });
  const start = useMutation({
    mutationFn: () => openCycle(plan.id),
    onSuccess: (cycle) => {
      message.success(cycle?.name ? `已开启「${cycle.name}」填报` : "已开启本期填报");
      refresh();
    },
    onError: (error) => onError(error),
  });
  const close = useMutation({
    mutationFn: (cycle: Cycle) => closeCycle(cycle.id, cycle.version),
    onSuccess: () => {
      message.success("本期填报已关闭");
      refresh();
    },
    onError: (error) => onError(error),
  });
  const hasOpen = (cycles.data ?? []).some((c) => c.status === "open");
  const columns: TableColumnsType<Cycle> = [
    { title: "周期", dataIndex: "name" },
    { title: "截止", dataIndex: "dueDate", width: 110 },
    {
      title: "状态",
      dataIndex: "status",
      width: 80,
      render: (status: Cycle["status"]) =>
        status === "open" ? <Tag color="processing">填报中</Tag> : <Tag>已关闭</Tag>,
    },
    {
      title: "应报/已报/通过",
      key: "counts",
      width: 120,
      render: (_, c) => `${c.expected} / ${c.submitted} / ${c.approved}`,
    },
    {
      title: "操作",
      key: "actions",
      width: 80,
      render: (_, c) =>
        c.abilities.close && (
          <Popconfirm
            title="关闭后本期不再接收填报，确定关闭？"
            okText="关闭"
            cancelText="取消"
            onConfirm={() => close.mutateAsync(c)}
          >
            <Button size="small" danger>
              关闭
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Drawer title="填报周期" open={open} onClose={onClose} size={640}>
      <Form<SettingsValues>
        form={form}
        layout="inline"
        initialValues={{
          cadence: plan.cadence,
          cadenceDueDay: plan.cadenceDueDay,
          lightTolerance: plan.lightTolerance,
        }}
        onFinish={(values) => settings.mutate(values)}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="cadence" label="填报频次" rules={[{ required: true }]}>
          <Select options={cadenceOptions} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="cadenceDueDay" label="截止日" rules={[{ required: true }]}>
          <InputNumber min={1} max={31} suffix="日" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="lightTolerance" label="亮灯容差" rules={[{ required: true }]}>
          <InputNumber min={0} max={100} suffix="个百分点" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={settings.isPending}>
            保存设置
          </Button>
        </Form.Item>
      </Form>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={hasOpen} loading={start.isPending} onClick={() => start.mutate()}>
          开启本期填报
        </Button>
        {hasOpen && (
          <Typography.Text type="secondary">已有进行中的填报周期，关闭后才能开启新一期</Typography.Text>
        )}
      </Space>
      <Table<Cycle>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={cycles.data ?? []}
        loading={cycles.isPending}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "还没有填报周期" }}
      />
    </Drawer>
  );
}
