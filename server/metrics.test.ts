import { describe, expect, it } from "vitest";
import { metrics, trackGatewayConnection } from "./metrics";

// The connection gauge must come back to where it was whatever order close handlers fire in.

async function open(kind: "device" | "workbench" | "widget"): Promise<number> {
  const { values } = await metrics().gatewayConnections.get();
  return values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

describe("kefu_gateway_connections", () => {
  it("goes up on open and back to its baseline on close, however often a release is called", async () => {
    const baseline = await open("widget");
    const a = trackGatewayConnection("widget");
    const b = trackGatewayConnection("widget");
    expect(await open("widget")).toBe(baseline + 2);
    a();
    a(); // a second close event, shutdown after close…
    expect(await open("widget")).toBe(baseline + 1);
    b();
    b();
    expect(await open("widget")).toBe(baseline);
  });

  it("keeps kinds apart", async () => {
    const devices = await open("device");
    const release = trackGatewayConnection("workbench");
    expect(await open("device")).toBe(devices);
    release();
  });
});
