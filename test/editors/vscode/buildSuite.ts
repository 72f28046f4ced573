import { build } from "esbuild";
import { join } from "node:path";

/** Bundles a suite entry (and mocha) into one CommonJS file the extension host can load. */
export async function buildSuite(entry: string, name: string): Promise<string> {
  const outfile = join(__dirname, "out", name, "index.js");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    sourcemap: "inline",
    logLevel: "error",
  });
  return outfile;
}
