import { describe, expect, it } from "vitest";
import { detectAtMe } from "./at-me";
import { loadFixture } from "./fixtures";
import { readChatView } from "./message-list";
import { WX39, WX4 } from "./profiles";
import { readSessions } from "./session-list";
import { parseTimeLabel } from "./time-label";
import { readWechatState } from "./window-state";

const summary = (name: string, profile = WX39) => {
  const view = readChatView(loadFixture(name).tree!, profile)!;
  return { ...view, messages: view.messages.map((m) => [m.kind, m.sender ?? "", m.text, m.timeLabel ?? ""]) };
};

describe("WeChat 3.9 profile", () => {
  it("reads a private chat: title, sides, senders and time separators", () => {
    const view = summary("wx39-private-chat");
    expect([view.chatName, view.type]).toEqual(["客户A", "private"]);
    expect(view.messages).toEqual([
      ["time", "", "昨天 18:20", "昨天 18:20"],
      ["friend", "客户A", "在吗", "昨天 18:20"],
      ["self", "", "在的，您说", "昨天 18:20"],
      ["time", "", "10:02", "10:02"],
      ["friend", "客户A", "你好，充电桩多少钱？", "10:02"],
      ["self", "", "您好，388元一台，包安装", "10:02"],
      ["friend", "客户A", "能便宜点吗", "10:02"],
    ]);
  });

  it("reads a group chat: member-count title, group nicknames, system items", () => {
    const view = summary("wx39-group-chat");
    expect([view.chatName, view.type, view.title]).toEqual(["产品交流群", "group", "产品交流群 (3)"]);
    expect(view.messages.map((m) => m.slice(0, 2))).toEqual([
      ["time", ""],
      ["friend", "张三（北京）"],
      ["system", ""],
      ["friend", "李四"],
      ["friend", "张三（北京）"],
      ["self", ""],
      ["friend", "李四"],
    ]);
  });

  it("reads the session list with unread badges", () => {
    expect(readSessions(loadFixture("wx39-private-chat").tree!, WX39)).toMatchObject([
      { name: "客户A", unread: 0 },
      { name: "王五", unread: 2 },
      { name: "产品交流群", unread: 0 },
    ]);
  });

  it("finds the self name for @-me detection and reports the window states", () => {
    expect(readWechatState(loadFixture("wx39-private-chat"))).toMatchObject({
      state: "ready",
      selfName: "小李客服",
      wechatVersion: "3.9.12.51",
    });
    expect(readWechatState(loadFixture("wx39-logged-out")).state).toBe("logged_out");
    const hidden = readWechatState(loadFixture("wx39-minimized"));
    expect(hidden.state).toBe("ui_hidden");
    expect(hidden.guidance).toMatch(/tray/);
  });
});

describe("WeChat 4.x profile", () => {
  it("reads a private chat using the probe's direction, else bubble geometry", () => {
    const view = summary("wx4-private-chat", WX4);
    expect([view.chatName, view.type]).toEqual(["客户B", "private"]);
    expect(view.messages.map((m) => [m[0], m[2]])).toEqual([
      ["time", "11:15"],
      ["friend", "你好，在吗"],
      ["self", "在的，请问有什么可以帮您？"],
      ["friend", "我想退货"],
      ["friend", "订单号 20260105001"],
      ["self", "好的，我帮您查一下"],
    ]);
  });

  it("reads a group chat and its unread session", () => {
    const view = summary("wx4-group-chat", WX4);
    expect([view.chatName, view.type]).toEqual(["老客户群", "group"]);
    expect(view.messages.filter((m) => m[0] === "friend").map((m) => m[1])).toEqual(["王总", "李四"]);
    expect(readSessions(loadFixture("wx4-group-chat").tree!, WX4)).toMatchObject([
      { name: "客户B", unread: 0 },
      { name: "老客户群", unread: 3 },
    ]);
  });

  it("recognises a hidden accessibility tree and the login screen", () => {
    const hidden = readWechatState(loadFixture("wx4-hidden-tree"));
    expect(hidden.state).toBe("ui_hidden");
    expect(hidden.guidance).toMatch(/Narrator/);
    expect(readWechatState(loadFixture("wx4-logged-out")).state).toBe("logged_out");
    expect(readWechatState(loadFixture("wx4-private-chat")).profile?.id).toBe("wx4");
  });
});

describe("environment states", () => {
  const base = loadFixture("wx39-private-chat");
  it("puts a locked screen first and a missing process next", () => {
    expect(readWechatState({ ...base, sessionLocked: true }).state).toBe("screen_locked");
    expect(readWechatState({ ...base, wechat: { running: false }, windows: [], tree: null }).state).toBe(
      "not_running",
    );
  });

  it("reports ui_hidden when the process runs with its window closed to the tray", () => {
    expect(readWechatState({ ...base, windows: [], tree: null }).state).toBe("ui_hidden");
  });
});

describe("text helpers", () => {
  const now = new Date(2026, 0, 7, 12, 0); // a Wednesday
  it("parses WeChat time separators relative to now", () => {
    expect(parseTimeLabel("10:02", now)).toEqual(new Date(2026, 0, 7, 10, 2));
    expect(parseTimeLabel("昨天 18:20", now)).toEqual(new Date(2026, 0, 6, 18, 20));
    expect(parseTimeLabel("星期一 15:00", now)).toEqual(new Date(2026, 0, 5, 15, 0));
    expect(parseTimeLabel("2025年12月31日 下午 3:05", now)).toEqual(new Date(2025, 11, 31, 15, 5));
    expect(parseTimeLabel("1月2日 08:00", now)).toEqual(new Date(2026, 0, 2, 8, 0));
    expect(parseTimeLabel("张三拍了拍我", now)).toBeUndefined();
  });

  it("detects @-mentions of the account or an alias, exactly", () => {
    expect(detectAtMe("@小李客服\u2005这个有货吗？", ["小李客服"])).toBe(true);
    expect(detectAtMe("这个有货吗 @小李客服", ["小李客服"])).toBe(true);
    expect(detectAtMe("@小李客服的同事 谢谢", ["小李客服"])).toBe(false);
    expect(detectAtMe("@客服小美 发票怎么开？", [undefined, "客服小美"])).toBe(true);
    expect(detectAtMe("大家好", ["小李客服"])).toBe(false);
  });
});
