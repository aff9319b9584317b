const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/**
 * Turns a WeChat time separator ("14:32", "昨天 14:32", "星期一 14:32", "1月5日 14:32",
 * "2025年12月31日 14:32") into a local Date relative to `now`. Returns undefined for anything else.
 * Messages under one separator share its time, which keeps their fingerprints stable across re-reads.
 */
export function parseTimeLabel(label: string, now: Date): Date | undefined {
  const match =
    /^(?:(\d{4})年)?(?:(\d{1,2})月(\d{1,2})日)?\s*(昨天|星期[日一二三四五六])?\s*(?:(上午|下午|凌晨|中午|晚上)\s*)?(\d{1,2}):(\d{2})$/.exec(
      label.trim(),
    );
  if (!match) return undefined;
  const [, year, month, day, relative, period, hh, mm] = match;
  let hours = Number(hh);
  if ((period === "下午" || period === "晚上") && hours < 12) hours += 12;
  if (period === "凌晨" && hours === 12) hours = 0;
  const date = new Date(now);
  date.setHours(hours, Number(mm), 0, 0);
  if (month && day) {
    date.setFullYear(year ? Number(year) : now.getFullYear(), Number(month) - 1, Number(day));
  } else if (relative === "昨天") {
    date.setDate(date.getDate() - 1);
  } else if (relative) {
    const back = (now.getDay() - WEEKDAYS.indexOf(relative) + 7) % 7 || 7;
    date.setDate(date.getDate() - back);
  }
  return date;
}
