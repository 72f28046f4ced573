import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect, type Server } from "node:net";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { freeLoopbackPort, scratchDir, spawnGroup, stopGroup, withTimeout } from "../support/processes";
import { repoRoot } from "../support/paths";

const run = promisify(execFile);

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Everything code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** .vsix files to install into the fresh extensions directory before starting. */
  vsixFiles?: string[];
  /** User settings for the fresh profile. */
  settings?: Record<string, unknown>;
  /** A loopback port to listen on; a free one by default. */
  port?: number;
  /**
   * Runs code-server inside a container instead of here: `prefix` enters it, `root` is where this
   * machine sees the container's "/", and `binary` is code-server's path inside. It listens on a
   * socket in the container, forwarded to the loopback port here.
   */
  inside?: { prefix: string[]; env: Record<string, string>; root: string; binary: string };
  /**
   * An argv prefix code-server runs under (nsenter into a test's namespaces), with this machine's
   * files. Its loopback is then the namespace's, so the start is read from its output rather than
   * fetched from here.
   */
  prefix?: string[];
}

// Quiet, offline and deterministic: nothing that pops up over the editor or reaches the network.
const defaultSettings = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "chat.commandCenter.enabled": false,
};

/** The code-server binary: $CODE_SERVER_BIN, or the machine's cached install (installed if missing). */
export async function findCodeServer(): Promise<string> {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  const script = join(repoRoot, "scripts/editors/install-code-server.sh");
  const { stdout } = await run("bash", [script], { timeout: 15 * 60_000 });
  return stdout.trim().split("\n").pop() ?? "";
}

/**
 * Starts code-server on a free loopback port with a profile of its own (user data, extensions,
 * config, TMPDIR): a reused profile would restore the previous run's editors and unsaved text.
 */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const { inside } = options;
  const binary = inside?.binary ?? (await findCodeServer());
  // Inside a container, the profile is at the same path there as scratchDir gives here, made under its root.
  const profile = inside ? `/tmp/${basename(scratchDir("unitsmith-code-server-"))}` : scratchDir("unitsmith-code-server-");
  const here = (path: string) => (inside ? join(inside.root, path) : path);
  const dirs = {
    userData: join(profile, "user-data"),
    extensions: join(profile, "extensions"),
    tmp: join(profile, "tmp"),
    config: join(profile, "config"),
  };
  for (const dir of [dirs.extensions, dirs.tmp, dirs.config, join(dirs.userData, "User")]) mkdirSync(here(dir), { recursive: true });
  writeFileSync(here(join(dirs.userData, "User", "settings.json")), JSON.stringify({ ...defaultSettings, ...options.settings }, null, 2));
  const configFile = join(dirs.config, "config.yaml");
  writeFileSync(here(configFile), "auth: none\ncert: false\n");

  const env = {
    ...process.env,
    ...inside?.env,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: join(profile, "data"),
    // An empty gallery keeps code-server from asking open-vsx.org for anything.
    EXTENSIONS_GALLERY: "{}",
  };
  const profileArgs = ["--config", configFile, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];

  for (const vsix of options.vsixFiles ?? []) {
    await run(binary, [...profileArgs, "--install-extension", vsix, "--force"], { env, timeout: 120_000 });
  }

  const port = options.port ?? (await freeLoopbackPort());
  const origin = `http://127.0.0.1:${port}`;
  const socket = join(profile, "code-server.sock");
  const [command, ...prefixArgs] = [...(inside?.prefix ?? options.prefix ?? []), binary];
  const child = spawnGroup(
    command!,
    [
      ...prefixArgs,
      ...profileArgs,
      ...(inside ? ["--socket", socket] : ["--bind-addr", `127.0.0.1:${port}`]),
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const forwarder = inside && (await forwardToSocket(port, here(socket)));
  const stop = async (): Promise<void> => {
    await stopGroup(child);
    forwarder?.close();
    rmSync(here(profile), { recursive: true, force: true });
  };

  try {
    const exited = () => child.exitCode !== null;
    await withTimeout(
      options.prefix ? waitUntilListening(origin, () => output, exited) : waitUntilHealthy(origin, exited),
      60_000,
      "code-server start",
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- code-server output ---\n${output}`, { cause: error });
  }
  return { origin, output: () => output, stop };
}

/** Forwards each connection to the loopback port to the unix socket at `path`. */
async function forwardToSocket(port: number, path: string): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(path);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function waitUntilHealthy(origin: string, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error("code-server exited during start");
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** code-server's line that it listens on the origin, for a server whose loopback this process cannot reach. */
async function waitUntilListening(origin: string, output: () => string, exited: () => boolean): Promise<void> {
  while (!output().includes(`HTTP server listening on ${origin}`)) {
    if (exited()) throw new Error("code-server exited during start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
