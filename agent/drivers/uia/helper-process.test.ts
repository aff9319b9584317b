import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HelperError, HelperProcess } from "./helper-process";

const script = join(__dirname, "..", "..", "test-support", "fake-uia-helper.mjs");
let helper: HelperProcess;
afterEach(() => helper?.close());

describe("HelperProcess (newline-delimited JSON over stdio)", () => {
  it("round-trips requests with Chinese text, in any order, ignoring noise", async () => {
    helper = new HelperProcess(process.execPath, [script]);
    const [a, b] = await Promise.all([
      helper.request("echo", { text: "你好\n第二行 😀" }),
      helper.request("noise"),
    ]);
    expect(a).toMatchObject({ text: "你好\n第二行 😀" });
    expect(b).toBe("after noise");
    await expect(helper.request("fail")).rejects.toThrow("input box not found");
  });

  it("fails pending requests when the helper dies, and restarts it on the next request", async () => {
    helper = new HelperProcess(process.execPath, [script]);
    const first = (await helper.request("echo", { text: "x" })) as { pid: number };
    await expect(helper.request("crash")).rejects.toBeInstanceOf(HelperError);
    const second = (await helper.request("echo", { text: "y" })) as { pid: number };
    expect(second.pid).not.toBe(first.pid);
    expect(helper.restarts).toBe(1);
  });

  it("times out a stuck request and kills the helper", async () => {
    helper = new HelperProcess(process.execPath, [script]);
    await expect(helper.request("hang", {}, 200)).rejects.toThrow(/did not answer "hang" within 200 ms/);
    await expect(helper.request("echo", { text: "alive" })).resolves.toMatchObject({ text: "alive" });
  });

  it("reports a helper that cannot be started", async () => {
    helper = new HelperProcess("/nonexistent/powershell.exe", []);
    await expect(helper.request("echo")).rejects.toThrow(/could not start|exited/);
  });
});
