import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { StagingPlan } from "./verifyStaging";

/** A fresh directory holding the staged files, and an empty runtime directory for the manager. */
export interface Sandbox {
  /** Where the staged files are; the only directory on the unit search path. */
  unitDir: string;
  /** For XDG_RUNTIME_DIR: without one, `--user` fails with "Failed to lookup RuntimeDirectory path". */
  runtimeDir: string;
}

/** Writes the plan into a new temporary directory, runs `use`, and removes the directory whatever happens. */
export async function withSandbox<T>(plan: StagingPlan, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), "unitsmith-verify-"));
  try {
    const sandbox: Sandbox = { unitDir: join(root, "units"), runtimeDir: join(root, "runtime") };
    await mkdir(sandbox.runtimeDir, { mode: 0o700 });
    for (const file of plan.files) {
      const target = join(sandbox.unitDir, file.relativePath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.text, { mode: 0o644 });
    }
    return await use(sandbox);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
