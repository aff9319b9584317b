import { logger } from "../logging";
import { recordHeartbeats, type THeartbeat, type THeartbeatEntry } from "../services/devices/manage-devices";

/** Collects the latest heartbeat per device and writes them in one statement every `intervalMs`. */
export class HeartbeatWriter {
  private pending = new Map<string, THeartbeatEntry>();
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  push(tenantId: string, deviceId: string, status: THeartbeat): void {
    this.pending.set(deviceId, { tenantId, deviceId, status, at: new Date() });
  }

  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = (async () => {
      try {
        for (let i = 0; i < batch.length; i += 2000) await recordHeartbeats(batch.slice(i, i + 2000));
      } catch (err) {
        logger().error({ err, devices: batch.length }, "recording heartbeats failed");
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }
}
