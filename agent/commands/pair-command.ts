import { saveCredential } from "../core/credential-store";
import { pairDevice } from "../core/pairing";
import { AGENT_VERSION } from "../core/version";
import { defaultDeviceName, openContext } from "./context";

export async function pairCommand(server: string, code: string, name?: string): Promise<void> {
  const context = openContext();
  const deviceName = name ?? defaultDeviceName();
  const result = await pairDevice(server, {
    code: code.trim(),
    deviceName,
    platform: process.platform,
    agentVersion: AGENT_VERSION,
  });
  saveCredential(context.paths.credential, context.credentialKey, {
    server,
    ...result,
    deviceName,
    pairedAt: new Date().toISOString(),
  });
  process.stdout.write(
    `Paired "${deviceName}" as device ${result.deviceId}. Credential stored encrypted in ${context.paths.credential}.\n` +
      "Start the agent with: kefu-agent run\n",
  );
}
