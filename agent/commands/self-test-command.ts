import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { DEFAULT_QUEUE_OPTIONS, OfflineQueue } from "../core/offline-queue";
import { deriveKey, loadOrCreateMachineSecret, seal, unseal } from "../core/sealing";
import { AGENT_VERSION } from "../core/version";
import { UIA_HELPER_PS1 } from "../drivers/uia/helper-script";

/**
 * Checks the packaged executable without WeChat or a server: crypto, the sealed queue on disk, the
 * embedded helper script, and optionally a WebSocket connection (`--self-test ws://...`).
 * Prints one JSON line and exits non-zero on any failure.
 */
export async function selfTestCommand(wsUrl?: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "kefu-agent-selftest-"));
  const report: Record<string, unknown> = {
    version: AGENT_VERSION,
    platform: process.platform,
    node: process.version,
  };
  try {
    report.sea = await isSingleExecutable();
    const key = deriveKey(loadOrCreateMachineSecret(join(dir, "machine.key")), "queue");
    report.aesGcm = unseal(key, seal(key, "自检 self-test")) === "自检 self-test";
    const queue = new OfflineQueue(join(dir, "queue.log"), key, { ...DEFAULT_QUEUE_OPTIONS, now: Date.now });
    queue.enqueue(
      {
        type: "message",
        id: "self-test",
        chat: { id: "c", name: "c", type: "private" },
        sender: { id: "s", name: "s" },
        text: "自检",
        atMe: false,
        sentAt: new Date().toISOString(),
      },
      "fp",
    );
    queue.close();
    report.queue =
      new OfflineQueue(join(dir, "queue.log"), key, { ...DEFAULT_QUEUE_OPTIONS, now: Date.now })
        .pendingCount === 1;
    report.helperScript = UIA_HELPER_PS1.includes("Invoke-Snapshot");
    if (wsUrl) report.websocket = await tryWebSocket(wsUrl);
  } catch (err) {
    report.error = (err as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ok =
    !report.error &&
    [report.aesGcm, report.queue, report.helperScript, report.websocket ?? true].every(Boolean);
  process.stdout.write(JSON.stringify({ ok, ...report }) + "\n");
  return ok;
}

async function isSingleExecutable(): Promise<boolean> {
  try {
    const sea = (await import("node:sea")) as { isSea(): boolean };
    return sea.isSea();
  } catch {
    return false; // node:sea exists from Node 20.12; older runtimes are never the packaged exe
  }
}

/** Any answer (even a 4401 close for the missing token) proves the network path works. */
function tryWebSocket(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { handshakeTimeout: 5000 });
    socket.on("open", () => (socket.close(), resolve(true)));
    socket.on("unexpected-response", () => (socket.terminate(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}
