import type { PlanDraftEdit } from "@duban/domain";
import { Col, Form, Input, InputNumber, Row } from "antd";

/** Props of the header fields. */
export interface HeaderFieldsProps {
  draft: PlanDraftEdit;
  readOnly: boolean;
  change: (edit: (draft: PlanDraftEdit) => PlanDraftEdit) => void;
}

/** The plan's title, issuer, year and 文号, edited in place. */
export function HeaderFields({ draft, readOnly, change }: HeaderFieldsProps) {
  const set = (patch: Partial<PlanDraftEdit>) => change((d) => ({ ...d, ...patch }));
  return (
    <Form layout="vertical" component="div" disabled={readOnly}>
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Form.Item
            label="计划标题"
            style={{ marginBottom: 8 }}
            validateStatus={draft.title.trim() ? undefined : "error"}
          >
            <Input
              aria-label="计划标题"
              value={draft.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="发文单位" style={{ marginBottom: 8 }}>
            <Input
              aria-label="发文单位"
              value={draft.issuer ?? ""}
              onChange={(e) => set({ issuer: e.target.value || null })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={5} lg={3}>
          <Form.Item label="年度" style={{ marginBottom: 8 }}>
            <InputNumber
              aria-label="年度"
              value={draft.year}
              min={2000}
              max={2100}
              precision={0}
              style={{ width: "100%" }}
              onChange={(value) => typeof value === "number" && set({ year: value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7} lg={5}>
          <Form.Item label="文号" style={{ marginBottom: 8 }}>
            <Input
              aria-label="文号"
              value={draft.docNumber ?? ""}
              placeholder="如 瓦教发〔2023〕1号"
              onChange={(e) => set({ docNumber: e.target.value || null })}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
