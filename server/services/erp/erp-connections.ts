import { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { ErpConnector } from "./connector";
import { openErpCredentials, sealErpCredentials, ZErpCredentials } from "./erp-credentials";
import { createGenericRestConnector } from "./generic-rest-connector";
import { ZGenericRestConfig } from "./generic-rest-config";
import { createZhibangConnector } from "./zhibang-connector";

// ERP connections of a tenant: created with credentials that are sealed before they touch the database,
// and turned into a connector (credentials opened in memory only) when a sync or lookup needs one.

export const ZZhibangConfig = z.object({
  pageSize: z.number().int().min(1).max(200).optional(),
  /** older installs insist on `application/zsml; charset=utf-8` */
  contentType: z.string().min(1).optional(),
});

const ZConnectionBase = z.object({
  name: z.string().min(1).max(100),
  baseUrl: z.url(),
  credentials: ZErpCredentials,
});

export const ZCreateErpConnectionInput = z.discriminatedUnion("kind", [
  ZConnectionBase.extend({ kind: z.literal("ZHIBANG"), config: ZZhibangConfig.default({}) }),
  ZConnectionBase.extend({ kind: z.literal("GENERIC_REST"), config: ZGenericRestConfig }),
]);

export async function createErpConnection(
  tenantId: string,
  input: z.input<typeof ZCreateErpConnectionInput>,
) {
  const data = ZCreateErpConnectionInput.parse(input);
  const client = await db();
  return client.erpConnection.create({
    data: {
      tenantId,
      name: data.name,
      kind: data.kind,
      baseUrl: data.baseUrl,
      credentialsEnc: sealErpCredentials(data.credentials),
      config: data.config,
    },
    select: { id: true, name: true, kind: true, baseUrl: true },
  });
}

/** The connector of an enabled connection of this tenant. */
export async function connectorFor(tenantId: string, connectionId: string): Promise<ErpConnector> {
  const client = await db();
  const conn = await client.erpConnection.findFirst({ where: { id: connectionId, tenantId } });
  if (!conn) throw notFound("ERP connection");
  if (!conn.enabled) throw new AppError("CONFLICT", "ERP connection is disabled");
  if (!conn.credentialsEnc) throw new AppError("BAD_REQUEST", "ERP connection has no credentials");
  const credentials = openErpCredentials(conn.credentialsEnc);
  if (conn.kind === "ZHIBANG") {
    const config = ZZhibangConfig.parse(conn.config);
    return createZhibangConnector({ baseUrl: conn.baseUrl, credentials, ...config });
  }
  return createGenericRestConnector({
    baseUrl: conn.baseUrl,
    credentials,
    config: ZGenericRestConfig.parse(conn.config),
  });
}
