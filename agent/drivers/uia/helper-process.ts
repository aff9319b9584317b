import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";

export interface HelperTransport {
  request(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<unknown>;
  close(): void;
}

export class HelperError extends Error {}

type TPending = {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  child: ChildProcessWithoutNullStreams;
};

/**
 * Talks newline-delimited JSON to a helper process ({"id","cmd",...} → {"id","ok","result"|"error"}).
 * The helper is started lazily and restarted on the next request after it dies; a request that gets no
 * answer in time fails and kills the helper, since its UIA call may be stuck on a hung window.
 */
export class HelperProcess implements HelperTransport {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly pending = new Map<number, TPending>();
  private nextId = 1;
  restarts = 0;

  constructor(
    private readonly command: string,
    private readonly args: string[],
    private readonly log: (line: string) => void = () => {},
  ) {}

  request(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<unknown> {
    const child = this.ensureStarted();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new HelperError(`helper did not answer "${cmd}" within ${timeoutMs} ms`));
        this.kill();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, child });
      child.stdin.write(JSON.stringify({ id, cmd, ...args }) + "\n");
    });
  }

  close(): void {
    this.kill();
  }

  private ensureStarted(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(this.command, this.args, { stdio: "pipe", windowsHide: true });
    this.child = child;
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    createInterface({ input: child.stdout }).on("line", (line) => this.answer(line));
    child.stderr.on("data", (text: string) => this.log(`helper: ${text.trim()}`));
    child.on("error", (err) => {
      if (this.child === child) this.child = null;
      this.failAll(child, new HelperError(`helper could not start: ${err.message}`));
    });
    child.on("exit", (code) => {
      if (this.child === child) this.child = null;
      this.restarts++;
      this.failAll(child, new HelperError(`helper exited (code ${code})`));
    });
    return child;
  }

  private answer(line: string): void {
    let reply: { id?: number; ok?: boolean; result?: unknown; error?: string };
    try {
      reply = JSON.parse(line);
    } catch {
      return this.log(`helper printed a non-JSON line: ${line.slice(0, 200)}`);
    }
    const pending = reply.id === undefined ? undefined : this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id!);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new HelperError(reply.error ?? "helper failed"));
  }

  /** Fails the requests sent to one (dead) helper; requests already sent to its successor stay pending. */
  private failAll(child: ChildProcessWithoutNullStreams, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.child !== child) continue;
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }

  private kill(): void {
    const child = this.child;
    this.child = null;
    child?.kill();
  }
}
