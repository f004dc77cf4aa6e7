import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  ClusterOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  MessageOutlined,
  NumberOutlined,
  ProfileOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { Menu } from "antd";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { useSignedInUser } from "../hooks/use-signed-in-user";
import { menuEntries, menuKeyOf } from "./navigation";

const icons: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  plans: <ProfileOutlined />,
  notices: <AlertOutlined />,
  extensions: <ClockCircleOutlined />,
  rectifications: <ToolOutlined />,
  inspections: <FileSearchOutlined />,
  instructions: <EditOutlined />,
  cascade: <ClusterOutlined />,
  bulletins: <FileTextOutlined />,
  assessments: <TrophyOutlined />,
  myAssessments: <TrophyOutlined />,
  assessmentEntries: <TrophyOutlined />,
  unitKeywords: <BookOutlined />,
  channels: <MessageOutlined />,
  workCalendar: <CalendarOutlined />,
  documentNumbers: <NumberOutlined />,
  unitWork: <CheckSquareOutlined />,
  myForms: <FormOutlined />,
  units: <BankOutlined />,
  groups: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
};

/** The side menu of the signed-in user, built from the abilities the server sent with them. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = menuEntries(me);
  return (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyOf(location.pathname)]}
      items={entries.map((entry) => ({ key: entry.key, icon: icons[entry.key], label: entry.label }))}
      onClick={({ key }) => {
        const entry = entries.find((item) => item.key === key);
        if (entry) navigate(entry.path);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: "none" }}
    />
  );
}
