import { describe, expect, it } from "vitest";
import { ZAgentConfig } from "../../core/config";
import { SerialQueue } from "../../core/serial-queue";
import type { TInboundWechatMessage } from "../driver";
import { loadFixture } from "./fixtures";
import type { HelperTransport } from "./helper-process";
import type { TSnapshot, TUiNode } from "./ui-tree";
import { findFirst } from "./ui-tree";
import { UiaDriver } from "./uia-driver";

/** Plays the PowerShell helper from fixtures: focusChat switches screens, typing fills an input box. */
class FixtureHelper implements HelperTransport {
  readonly commands: string[] = [];
  readonly typed: string[] = [];
  input = "";
  constructor(
    public screen: TSnapshot,
    private readonly screens: Record<string, TSnapshot>,
  ) {}
  async request(cmd: string, args: Record<string, unknown> = {}): Promise<unknown> {
    this.commands.push(cmd === "focusChat" ? `focusChat ${args.name}` : cmd);
    if (cmd === "snapshot") return structuredClone(this.screen);
    if (cmd === "focusChat") this.screen = this.screens[String(args.name)] ?? this.screen;
    if (cmd === "typeText") this.input = String(args.text);
    if (cmd === "pressEnter") {
      this.typed.push(this.input);
      this.input = "";
    }
    if (cmd === "readInput") return this.input;
    return true;
  }
  close(): void {}
}

/** Appends a copy of the last friend message with new text and a new RuntimeId (WeChat rendering a new item). */
function addFriendMessage(snapshot: TSnapshot, text: string, runtimeId: string): TSnapshot {
  const copy = structuredClone(snapshot);
  const list = findFirst(copy.tree!, { controlType: "List", name: "消息" })!;
  const avatarOnLeft = (item: TUiNode) =>
    item.children[0]?.children[0]?.controlType === "Button" &&
    item.rect[0] + 100 > item.children[0].children[0].rect[0];
  const friend = structuredClone(list.children.filter(avatarOnLeft).at(-1)!);
  list.children.push({ ...friend, name: text, runtimeId });
  return copy;
}

function setup(screen: TSnapshot, screens: Record<string, TSnapshot> = {}) {
  const helper = new FixtureHelper(screen, screens);
  const config = ZAgentConfig.parse({}).uia;
  const logs: string[] = [];
  const now = new Date(2026, 0, 7, 12, 0).getTime();
  const driver = new UiaDriver(
    helper,
    config,
    { uiLock: new SerialQueue(), log: (l) => logs.push(l) },
    () => now,
  );
  const received: TInboundWechatMessage[] = [];
  driver.onMessage((m) => received.push(m));
  return { helper, driver, received, logs };
}

describe("UiaDriver (helper played from fixtures)", () => {
  it("baselines the open chat, then opens an unread chat and reports what follows the marker", async () => {
    const opened = loadFixture("wx39-unread-opened");
    const { driver, helper, received } = setup(loadFixture("wx39-private-chat"), { 王五: opened });
    await driver.poll();
    expect(helper.commands).toEqual(["snapshot", "focusChat 王五", "snapshot"]);
    expect(received.map((m) => [m.chat.name, m.sender.name, m.text])).toEqual([
      ["王五", "王五", "又买了一台"],
      ["王五", "王五", "请问发货了吗"],
    ]);
    expect(received[0].sentAt).toBe(new Date(2026, 0, 7, 10, 3).toISOString());
    expect(driver.status()).toBe("ready");

    await driver.poll();
    expect(received).toHaveLength(2);
    helper.screen = addFriendMessage(opened, "什么时候到？", "42.9001");
    await driver.poll();
    expect(received.map((m) => m.text).slice(2)).toEqual(["什么时候到？"]);
  });

  it("flags @-mentions of the logged-in account in groups", async () => {
    const group = loadFixture("wx39-group-chat");
    const { driver, helper, received } = setup(group);
    await driver.poll();
    expect(received).toEqual([]);
    helper.screen = addFriendMessage(group, "@小李客服\u2005在吗", "42.9002");
    await driver.poll();
    expect(received).toMatchObject([
      { chat: { id: "产品交流群", type: "group" }, atMe: true, text: "@小李客服\u2005在吗" },
    ]);
  });

  it("sends by focusing the chat, pasting and pressing Enter, and checks the box emptied", async () => {
    const { driver, helper } = setup(loadFixture("wx39-unread-opened"), {
      客户A: loadFixture("wx39-private-chat"),
    });
    const result = await driver.send({ id: "客户A", name: "客户A", type: "private" }, "您好，今天发货");
    expect(result).toEqual({ ok: true });
    expect(helper.commands).toEqual([
      "snapshot",
      "focusChat 客户A",
      "snapshot",
      "typeText",
      "pressEnter",
      "readInput",
    ]);
    expect(helper.typed).toEqual(["您好，今天发货"]);
  });

  it("refuses to send into the wrong chat or a hidden window", async () => {
    const { driver, helper } = setup(loadFixture("wx39-private-chat"));
    expect(await driver.send({ id: "x", name: "不存在", type: "private" }, "hi")).toEqual({
      ok: false,
      error: 'could not open the chat "不存在"',
    });
    helper.screen = loadFixture("wx39-minimized");
    expect(await driver.send({ id: "客户A", name: "客户A", type: "private" }, "hi")).toEqual({
      ok: false,
      error: "wechat is ui_hidden",
    });
    expect(driver.statusDetail().guidance).toMatch(/tray/);
    expect(helper.typed).toEqual([]);
  });
});
