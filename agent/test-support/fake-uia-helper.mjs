// A stand-in for the PowerShell helper: the same newline-delimited JSON protocol, for testing the
// framing, timeouts and restarts of HelperProcess on Linux.
import { createInterface } from "node:readline";

createInterface({ input: process.stdin }).on("line", (line) => {
  const req = JSON.parse(line);
  const answer = (body) => process.stdout.write(JSON.stringify({ id: req.id, ...body }) + "\n");
  switch (req.cmd) {
    case "echo":
      return answer({ ok: true, result: { text: req.text, pid: process.pid } });
    case "fail":
      return answer({ ok: false, error: "input box not found" });
    case "noise":
      process.stdout.write("WARNING: not json\n");
      return answer({ ok: true, result: "after noise" });
    case "crash":
      return process.exit(3);
    case "hang":
      return;
    default:
      return answer({ ok: false, error: `unknown command ${req.cmd}` });
  }
});
