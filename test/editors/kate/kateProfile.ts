import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { repoRoot } from "../support/paths";
import { scratchDir } from "../support/processes";

/** The manual's Kate set-up (docs/editors.md): the ```json block after the **Kate** paragraph, as a user pastes it. */
export function readmeKateSettings(readme = join(repoRoot, "docs/editors.md")): string {
  const text = readFileSync(readme, "utf8");
  const match = /^\*\*Kate\*\*[^\n]*\n(?:[^\n]*\n)*?```json\n([\s\S]*?)^```$/m.exec(text);
  if (!match) throw new Error(`${readme} has no \`\`\`json block after its **Kate** paragraph`);
  const settings = match[1]!;
  JSON.parse(settings); // Kate would refuse it too; say so here, with the parser's message
  return settings;
}

export interface KateProfile {
  home: string;
  /** The environment Kate runs in: only this profile's HOME and XDG dirs, the recorder on PATH as the server. */
  env: NodeJS.ProcessEnv;
  /** Where the recorder writes the JSON-RPC traffic. */
  lspLog: string;
  /** The command line Kate resolves the manual's `command` to, which it must be allowed to start. */
  serverCommandLine: string;
}

/**
 * A fresh Kate profile in scratch directories: `~/.config/kate/lspclient/settings.json` holds the
 * manual's settings unchanged; `~/.config/katerc` enables the LSP client plugin and allows the one
 * server command line (what a user answers with Yes when Kate asks before starting a server); and
 * `unitsmith-language-server` on PATH is a copy of lspRecorder.cjs, which starts the built server
 * and logs the traffic, standing in for what `npm install -g ./server` puts there.
 */
export function kateProfile(server: string): KateProfile {
  const root = scratchDir("unitsmith-kate-");
  const home = join(root, "home");
  const config = join(home, ".config");
  const runtime = join(root, "runtime");
  const bin = join(root, "bin");
  for (const dir of [join(config, "kate/lspclient"), join(home, ".local/share"), join(home, ".cache"), runtime, bin]) {
    mkdirSync(dir, { recursive: true });
  }
  chmodSync(runtime, 0o700);

  const launcher = join(bin, "unitsmith-language-server");
  copyFileSync(join(__dirname, "lspRecorder.cjs"), launcher);
  chmodSync(launcher, 0o755);
  const serverCommandLine = `${launcher} --stdio`;

  writeFileSync(join(config, "kate/lspclient/settings.json"), readmeKateSettings());
  // Kate 22.12 reads its plugin list from [Kate Plugins] (the LSP client is on by default; this makes
  // sure) and the allowed server command lines from [lspclient] (a KConfig list: comma separated).
  if (serverCommandLine.includes(",")) throw new Error(`a comma in ${serverCommandLine} would split the allow list`);
  writeFileSync(
    join(config, "katerc"),
    ["[Kate Plugins]", "lspclientplugin=true", "", "[lspclient]", `AllowedServerCommandLines=${serverCommandLine}`, ""].join("\n"),
  );

  const lspLog = join(root, "lsp.jsonl");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: config,
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_RUNTIME_DIR: runtime,
    // The recorder's `#!/usr/bin/env node` finds the node running this test.
    PATH: [bin, dirname(process.execPath), process.env.PATH ?? ""].join(delimiter),
    QT_QPA_PLATFORM: "xcb",
    UNITSMITH_SERVER: server,
    UNITSMITH_LSP_LOG: lspLog,
  };
  // No session bus: Kate runs without one, and nothing reaches the user's desktop session.
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.WAYLAND_DISPLAY;
  return { home, env, lspLog, serverCommandLine };
}
