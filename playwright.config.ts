import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Browser: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright
// installed itself. Nothing is downloaded here (the machines have no internet).
function chromiumPath(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {
    /* no Playwright-managed browser */
  }
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error("No Chromium for the e2e tests: apt-get install chromium or set PLAYWRIGHT_CHROMIUM_PATH.");
}

const MAIN_URL = "http://localhost:3311";
const SMOKE_URL = "http://localhost:3312";

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "test-results",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // 2 cores, shared with the server under test
  retries: 0,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "main",
      testIgnore: /embedded-smoke\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: MAIN_URL },
    },
    {
      name: "smoke",
      testMatch: /embedded-smoke\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: SMOKE_URL },
    },
  ],
  // started in this order, each after the previous one answers its health URL (see scripts/e2e-server.mjs);
  // `main` builds first, which takes minutes on a loaded 2-core machine, hence the generous timeouts
  webServer: [
    {
      name: "main",
      command: "node scripts/e2e-server.mjs main",
      url: `${MAIN_URL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      name: "smoke",
      command: "node scripts/e2e-server.mjs smoke",
      url: `${SMOKE_URL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
