import path from "node:path";
import { env } from "../env";

/** The embedded database's directory: <KEFU_DATA_DIR>/pglite. */
export function embeddedDataDir(): string {
  return path.resolve(env().KEFU_DATA_DIR, "pglite");
}
