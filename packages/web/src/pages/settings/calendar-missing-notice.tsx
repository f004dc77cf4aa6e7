import { Alert } from "antd";
import { Link } from "react-router";
import { useWorkCalendarOverview } from "../../api/work-calendar";

/** Warns, where working days matter, of each year that matters today but has no 法定节假日 arrangement. */
export function CalendarMissingNotice({ linkToCalendar = true }: { linkToCalendar?: boolean }) {
  const overview = useWorkCalendarOverview();
  const missing = overview.data?.missing ?? [];
  if (missing.length === 0) return null;
  return (
    <>
      {missing.map((m) => (
        <Alert
          key={m.year}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={m.message}
          description={
            linkToCalendar && overview.data?.abilities.update ? (
              <Link to={`/settings/work-calendar?year=${m.year}`}>到工作日历录入 {m.year} 年的安排</Link>
            ) : undefined
          }
        />
      ))}
    </>
  );
}
