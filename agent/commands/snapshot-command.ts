import { writeFileSync } from "node:fs";
import { HelperProcess } from "../drivers/uia/helper-process";
import { UIA_HELPER_PS1 } from "../drivers/uia/helper-script";
import { PROFILES, WECHAT_TEXT } from "../drivers/uia/profiles";
import { ZSnapshot } from "../drivers/uia/ui-tree";
import { readWechatState } from "../drivers/uia/window-state";
import { openContext } from "./context";

/**
 * Records WeChat's current UI tree as JSON (the fixture format under drivers/uia/__fixtures__), and
 * prints the state the agent reads from it. Anonymise names before sharing a recording.
 */
export async function snapshotCommand(outFile?: string): Promise<void> {
  if (process.platform !== "win32")
    throw new Error("snapshot needs Windows (it runs the UI Automation helper).");
  const context = openContext();
  writeFileSync(context.paths.helperScript, "\ufeff" + UIA_HELPER_PS1, "utf8");
  const helper = new HelperProcess(context.config.uia.powershell, [
    "-NoProfile",
    "-NonInteractive",
    "-ExecutionPolicy",
    "Bypass",
    "-File",
    context.paths.helperScript,
  ]);
  try {
    const snapshot = ZSnapshot.parse(
      await helper.request(
        "snapshot",
        {
          processNames: PROFILES.flatMap((p) => p.processNames),
          mainWindowClasses: PROFILES.flatMap((p) => p.mainWindowClasses),
          probeClass: WECHAT_TEXT.selfBubbleClassHint,
          maxNodes: 4000,
        },
        30_000,
      ),
    );
    const { profile, ...state } = readWechatState(snapshot, context.config.uia.profile);
    process.stderr.write(JSON.stringify({ ...state, profile: profile?.id }) + "\n");
    const json = JSON.stringify(snapshot, null, 1) + "\n";
    if (outFile) writeFileSync(outFile, json, "utf8");
    else process.stdout.write(json);
  } finally {
    helper.close();
  }
}
