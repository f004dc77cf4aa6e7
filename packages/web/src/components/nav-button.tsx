import { Button, type ButtonProps } from "antd";
import { useNavigate } from "react-router";

/** A button that opens another page of the app (a button, not a link, because it starts an action). */
export function NavButton({ to, ...props }: { to: string } & Omit<ButtonProps, "href" | "onClick">) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => navigate(to)} />;
}
