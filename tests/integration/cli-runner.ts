import { spawnSync } from "node:child_process";

// Runs `npx kefu …` (bin/kefu.mjs) in a child process as an operator would, with only the
// environment given here (plus PATH and HOME).
export function kefuRunner(env: Record<string, string | undefined>) {
  return (...args: string[]) => {
    const r = spawnSync(process.execPath, ["bin/kefu.mjs", ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
