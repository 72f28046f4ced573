import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { unitKind, type DropIn } from "../language/unitKind";
import { verifyDocument, type VerifyOutcome, type VerifyRequest } from "./analyzeVerify";
import type { UnitText } from "./verifyStaging";

/**
 * The unit a drop-in extends when it sits beside the drop-in directory on disk:
 * `dir/foo.service` for `dir/foo.service.d/x.conf` (templates too). Prefix and type drop-ins
 * apply to many units, so none is picked for them.
 */
export async function parentUnitBeside(dropIn: DropIn, dropInPath: string): Promise<UnitText | undefined> {
  if (dropIn.target !== "unit" && dropIn.target !== "template") return undefined;
  const path = join(dirname(dirname(dropInPath)), dropIn.parent);
  try {
    return { path, text: await readFile(path, "utf8") };
  } catch {
    return undefined;
  }
}

export type VerifyFileOptions = Pick<VerifyRequest, "signal" | "timeoutMs" | "executable" | "showEnvironmentNoise">;

/** `systemd-analyze verify` of a file as it is on disk, for `unitsmith lint --verify`; read errors reject. */
export async function verifyFile(path: string, options: VerifyFileOptions = {}): Promise<VerifyOutcome> {
  const absolute = resolve(path);
  const text = await readFile(absolute, "utf8");
  return verifyDocument({ ...options, path: absolute, text, kind: unitKind(absolute), findParentUnit: parentUnitBeside });
}
