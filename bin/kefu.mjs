#!/usr/bin/env node
// `npx kefu …`: the operators' CLI. The TypeScript sources run through tsx in a child process, the same
// way the server runs (`node --import tsx`), from the project directory so migrations and the
// embedded database are found.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "server/cli/main.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
    cwd: root,
    // file arguments are relative to where the operator typed the command
    env: { ...process.env, KEFU_CLI_CWD: process.cwd() },
  },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
