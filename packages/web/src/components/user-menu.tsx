import { DownOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Dropdown } from "antd";
import { useNavigate } from "react-router";
import { logout, logoutAll } from "../api/auth";
import { useIsMobile } from "../hooks/use-is-mobile";
import { useSignedInUser } from "../hooks/use-signed-in-user";

/** The header's user menu: change password, log out, log out on every device. */
export function UserMenu() {
  const me = useSignedInUser();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  async function signOut(all: boolean) {
    try {
      await (all ? logoutAll() : logout());
    } catch {
      // The session may already be gone; the user is signed out either way.
    }
    queryClient.clear();
    navigate("/login", { replace: true });
    message.success(all ? "已退出所有设备" : "已退出登录");
  }

  function confirmLogoutAll() {
    modal.confirm({
      title: "退出所有设备",
      content: "将结束您在所有设备（包括本设备）上的登录，确定继续吗？",
      okText: "确定退出",
      cancelText: "取消",
      onOk: () => signOut(true),
    });
  }

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "password", label: "修改密码" },
          { type: "divider" },
          { key: "logout", label: "退出登录" },
          { key: "logout-all", label: "退出所有设备", danger: true },
        ],
        onClick: ({ key }) => {
          if (key === "password") navigate("/change-password");
          if (key === "logout") void signOut(false);
          if (key === "logout-all") confirmLogoutAll();
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={`用户菜单：${me.name}`}>
        {isMobile ? null : me.name}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
