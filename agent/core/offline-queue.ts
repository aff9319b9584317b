import { z } from "zod";
import { ZMessageFrame, type TMessageFrame } from "./frames";
import { SealedLog } from "./sealed-log";
import type { TSealKey } from "./sealing";

// Record kinds in the sealed log. "fp" and "sent" exist so the sliding windows survive restarts and
// compaction; "msg" carries its own fingerprint.
const ZRecord = z.discriminatedUnion("t", [
  z.object({ t: z.literal("msg"), frame: ZMessageFrame, fp: z.string(), at: z.number() }),
  z.object({ t: z.literal("ack"), id: z.string() }),
  z.object({ t: z.literal("fp"), fp: z.string(), at: z.number() }),
  z.object({ t: z.literal("sent"), id: z.string(), at: z.number() }),
]);
type TRecord = z.infer<typeof ZRecord>;

export type TQueueOptions = {
  /** How long a fingerprint / a sent id is remembered. */
  fingerprintWindowMs: number;
  sentWindowMs: number;
  /** Upper bounds on both windows, so a busy day cannot grow them without limit. */
  maxWindowEntries: number;
  /** Rewrite the file once this many records are obsolete. */
  compactAfterObsolete: number;
  now: () => number;
};

export const DEFAULT_QUEUE_OPTIONS: Omit<TQueueOptions, "now"> = {
  fingerprintWindowMs: 24 * 3600_000,
  sentWindowMs: 3 * 24 * 3600_000,
  maxWindowEntries: 5000,
  compactAfterObsolete: 500,
};

/**
 * The agent's durable state: inbound messages not yet acknowledged by the server (in arrival order),
 * the fingerprints of recent inbound messages and the ids of recently typed sends. Every change is
 * appended to the sealed log before the method returns.
 */
export class OfflineQueue {
  private readonly log: SealedLog;
  private readonly pendingById = new Map<string, { frame: TMessageFrame; fp: string; at: number }>();
  private readonly fingerprints = new Map<string, number>();
  private readonly sentIds = new Map<string, number>();
  private obsolete = 0;
  readonly openReport: { tornTail: boolean; unreadable: number };

  constructor(
    path: string,
    key: TSealKey,
    private readonly options: TQueueOptions,
  ) {
    this.log = new SealedLog(path, key);
    const report = this.log.open();
    for (const raw of report.records) {
      const record = ZRecord.safeParse(raw);
      if (record.success) this.apply(record.data);
      else report.unreadable++;
    }
    this.openReport = { tornTail: report.tornTail, unreadable: report.unreadable };
    this.prune();
    if (this.obsolete >= options.compactAfterObsolete) this.compact();
  }

  get pendingCount(): number {
    return this.pendingById.size;
  }

  pending(): TMessageFrame[] {
    return [...this.pendingById.values()].map((p) => p.frame);
  }

  hasFingerprint(fp: string): boolean {
    return this.fingerprints.has(fp);
  }

  /** Stores an inbound message durably; returns false (and stores nothing) for a repeat fingerprint. */
  enqueue(frame: TMessageFrame, fp: string): boolean {
    if (this.fingerprints.has(fp)) return false;
    this.write({ t: "msg", frame, fp, at: this.options.now() });
    return true;
  }

  /** Drops a message the server has stored (or already had). Unknown ids are ignored. */
  acknowledge(id: string): void {
    if (!this.pendingById.has(id)) return;
    this.write({ t: "ack", id });
    if (this.obsolete >= this.options.compactAfterObsolete) this.compact();
  }

  wasSent(sendId: string): boolean {
    return this.sentIds.has(sendId);
  }

  markSent(sendId: string): void {
    if (!this.sentIds.has(sendId)) this.write({ t: "sent", id: sendId, at: this.options.now() });
  }

  /** Rewrites the log with only live state: pending messages, then the windows. */
  compact(): void {
    this.prune();
    const records: TRecord[] = [];
    for (const p of this.pendingById.values()) records.push({ t: "msg", frame: p.frame, fp: p.fp, at: p.at });
    const pendingFps = new Set([...this.pendingById.values()].map((p) => p.fp));
    for (const [fp, at] of this.fingerprints) if (!pendingFps.has(fp)) records.push({ t: "fp", fp, at });
    for (const [id, at] of this.sentIds) records.push({ t: "sent", id, at });
    this.log.rewrite(records);
    this.obsolete = 0;
  }

  close(): void {
    this.log.close();
  }

  private write(record: TRecord): void {
    this.log.append([record]);
    this.apply(record);
  }

  private apply(record: TRecord): void {
    switch (record.t) {
      case "msg":
        this.pendingById.set(record.frame.id, { frame: record.frame, fp: record.fp, at: record.at });
        this.fingerprints.set(record.fp, record.at);
        return;
      case "ack":
        // The msg record stays useful for its fingerprint until compaction turns it into an "fp" record.
        if (this.pendingById.delete(record.id)) this.obsolete += 2;
        return;
      case "fp":
        this.fingerprints.set(record.fp, record.at);
        return;
      case "sent":
        this.sentIds.set(record.id, record.at);
        return;
    }
  }

  private prune(): void {
    const now = this.options.now();
    pruneWindow(this.fingerprints, now - this.options.fingerprintWindowMs, this.options.maxWindowEntries);
    pruneWindow(this.sentIds, now - this.options.sentWindowMs, this.options.maxWindowEntries);
  }
}

/** Maps keep insertion order, which is time order here, so the oldest entries come first. */
function pruneWindow(window: Map<string, number>, cutoff: number, maxEntries: number): void {
  for (const [key, at] of window) {
    if (at >= cutoff && window.size <= maxEntries) break;
    window.delete(key);
  }
}
