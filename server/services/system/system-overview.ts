import { listDevices } from "../devices/manage-devices";
import { errorRatePercent, failureCounts } from "./error-rates";
import { jobSummaries } from "./job-runs";
import { providerHealth } from "./provider-health";

// Everything the system page shows in one read: devices, error rates over 1 h and 24 h, background
// jobs and provider health. Alerts come from their own procedure (the page and the nav badge share it).

export async function systemOverview(tenantId: string, now = new Date()) {
  const [devices, hour, day, jobs, providers] = await Promise.all([
    listDevices(tenantId, now),
    failureCounts(tenantId, new Date(now.getTime() - 3600_000)),
    failureCounts(tenantId, new Date(now.getTime() - 24 * 3600_000)),
    jobSummaries(tenantId, now),
    providerHealth(tenantId, now),
  ]);
  return {
    generatedAt: now,
    devices: devices.map((d) => ({
      id: d.id,
      name: d.name,
      online: d.online,
      wechatState: d.wechatState,
      lastHeartbeatAt: d.lastHeartbeatAt,
      agentVersion: d.agentVersion,
      paused: d.paused,
    })),
    errorRates: {
      hour: { ...hour, rate: errorRatePercent(hour) },
      day: { ...day, rate: errorRatePercent(day) },
    },
    jobs,
    providers,
  };
}
