import { describe, expect, it } from "vitest";
import type { TParsedMessage } from "./message-list";
import { NewMessageTracker } from "./new-message-tracker";

const friend = (id: string, text = id): TParsedMessage => ({ kind: "friend", runtimeId: id, text });
const self = (id: string): TParsedMessage => ({ kind: "self", runtimeId: id, text: id });

describe("NewMessageTracker", () => {
  it("baselines a chat on first sight, then reports only later friend messages", () => {
    const tracker = new NewMessageTracker();
    expect(tracker.observe("A", [friend("1"), self("2")])).toEqual([]);
    expect(
      tracker
        .observe("A", [friend("1"), self("2"), friend("3"), self("4"), friend("5")])
        .map((m) => m.runtimeId),
    ).toEqual(["3", "5"]);
    expect(tracker.observe("A", [friend("1"), self("2"), friend("3"), self("4"), friend("5")])).toEqual([]);
  });

  it("ignores older history loaded above known items", () => {
    const tracker = new NewMessageTracker();
    tracker.observe("A", [friend("5")]);
    expect(tracker.observe("A", [friend("0"), friend("5"), friend("6")]).map((m) => m.runtimeId)).toEqual([
      "6",
    ]);
  });

  it("re-baselines instead of replaying when WeChat re-rendered the list (no RuntimeId overlap)", () => {
    const tracker = new NewMessageTracker();
    tracker.observe("A", [friend("1"), friend("2")]);
    expect(tracker.observe("A", [friend("x1"), friend("x2"), friend("x3")])).toEqual([]);
  });

  it("takes the last N friend messages of an unread chat when there is no marker", () => {
    const tracker = new NewMessageTracker();
    const list = [friend("1"), self("2"), friend("3"), friend("4")];
    expect(tracker.observe("B", list, 2).map((m) => m.runtimeId)).toEqual(["3", "4"]);
  });
});
