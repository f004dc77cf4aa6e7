import { type Cockpit, type NoticeLevel, noticeLevelLabels, noticeLevels } from "@duban/domain";
import { Card, Col, Row, Statistic } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { canOpen } from "../../components/navigation";
import { useSignedInUser } from "../../hooks/use-signed-in-user";
import { instructionsLink, noticesLink, overdueRectificationsLink } from "./cockpit-links";

const levelColors: Record<NoticeLevel, string> = { blue: "#1677ff", yellow: "#faad14", red: "#f5222d" };

/** A figure that opens the list behind it when the user may open that list. */
function Figure({ to, children }: { to: string | null; children: ReactNode }) {
  return to ? (
    <Link to={to} style={{ display: "block" }}>
      {children}
    </Link>
  ) : (
    children
  );
}

/** 督办情况: open 督办单 by colour, average days to reply, overdue 整改 and 批示 not yet acknowledged. */
export function SupervisionCard({ cockpit }: { cockpit: Cockpit }) {
  const me = useSignedInUser();
  const { supervision } = cockpit;
  return (
    <Card title="督办情况" size="small">
      <Row gutter={[16, 16]}>
        {noticeLevels.map((level) => (
          <Col key={level} xs={8}>
            <Figure to={canOpen(me, "notices") ? noticesLink(cockpit.planId, level) : null}>
              <Statistic
                title={noticeLevelLabels[level]}
                value={supervision.openNotices[level]}
                suffix="件"
                styles={{ content: { color: levelColors[level] } }}
              />
            </Figure>
          </Col>
        ))}
        <Col xs={8}>
          <Statistic
            title="平均回复用时"
            value={supervision.averageReplyDays ?? "—"}
            suffix={supervision.averageReplyDays === null ? undefined : "天"}
          />
        </Col>
        <Col xs={8}>
          <Figure to={canOpen(me, "rectifications") ? overdueRectificationsLink() : null}>
            <Statistic title="逾期整改" value={supervision.overdueRectifications} suffix="项" />
          </Figure>
        </Col>
        <Col xs={8}>
          {/* Null on a department's or school's cockpit: 批示 are counted plan-wide only. */}
          <Figure
            to={
              supervision.unacknowledgedInstructions !== null && canOpen(me, "instructions")
                ? instructionsLink
                : null
            }
          >
            <Statistic
              title="批示未签收"
              value={supervision.unacknowledgedInstructions ?? "—"}
              suffix={supervision.unacknowledgedInstructions === null ? undefined : "条"}
            />
          </Figure>
        </Col>
      </Row>
    </Card>
  );
}
