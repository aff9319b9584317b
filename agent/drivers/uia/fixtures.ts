import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ZSnapshot, type TSnapshot } from "./ui-tree";

/** Loads a recorded UI-tree fixture (see __fixtures__/README.md for how they were made). */
export function loadFixture(name: string): TSnapshot {
  return ZSnapshot.parse(JSON.parse(readFileSync(join(__dirname, "__fixtures__", `${name}.json`), "utf8")));
}
