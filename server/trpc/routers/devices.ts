import { z } from "zod";
import {
  agentDownloadInfo,
  listDevices,
  reloadDeviceConfig,
  renameDevice,
  revokeDevice,
  setDevicePaused,
  ZDeviceName,
} from "../../services/devices/manage-devices";
import { createPairingCode } from "../../services/devices/pairing";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

const ZWechatState = z.enum([
  "READY",
  "NOT_RUNNING",
  "LOGGED_OUT",
  "UI_HIDDEN",
  "SCREEN_LOCKED",
  "ERROR",
  "UNKNOWN",
]);

const ZDevice = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string().nullable(),
  agentVersion: z.string().nullable(),
  wechatState: ZWechatState,
  lastHeartbeatAt: z.date().nullable(),
  cpu: z.number().nullable(),
  mem: z.number().nullable(),
  queueLength: z.number(),
  processedCount: z.number(),
  paused: z.boolean(),
  online: z.boolean(),
  createdAt: z.date(),
});

export const devicesRouter = createRouter({
  list: tenantProcedure("devices.manage")
    .output(z.array(ZDevice))
    .query(({ ctx }) => listDevices(ctx.tenant.id)),

  createPairingCode: tenantProcedure("devices.manage")
    .output(z.object({ code: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx }) => createPairingCode(ctx.tenant.id, actorOf(ctx))),

  rename: tenantProcedure("devices.manage")
    .input(z.object({ deviceId: ZId, name: ZDeviceName }))
    .output(ZOk)
    .mutation(({ ctx, input }) => renameDevice(ctx.tenant.id, actorOf(ctx), input.deviceId, input.name)),

  setPaused: tenantProcedure("devices.manage")
    .input(z.object({ deviceId: ZId, paused: z.boolean() }))
    .output(ZOk)
    .mutation(({ ctx, input }) => setDevicePaused(ctx.tenant.id, actorOf(ctx), input.deviceId, input.paused)),

  reload: tenantProcedure("devices.manage")
    .input(z.object({ deviceId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => reloadDeviceConfig(ctx.tenant.id, actorOf(ctx), input.deviceId)),

  revoke: tenantProcedure("devices.manage")
    .input(z.object({ deviceId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => revokeDevice(ctx.tenant.id, actorOf(ctx), input.deviceId)),

  downloadInfo: tenantProcedure("devices.manage")
    .output(z.object({ available: z.boolean(), sizeBytes: z.number(), builtAt: z.date().nullable() }))
    .query(() => agentDownloadInfo()),
});
