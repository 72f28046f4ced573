import { startServer } from "./lsp/server";
import { SERVER_VERSION } from "./version";

const USAGE = `Usage: unitsmith-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Unitsmith language server for systemd unit files, networkd and Podman Quadlet files.
Editors start it with one of the transports above; see the README for each editor's set-up.

  --version   print the version and exit
  --help      print this help and exit`;

const args = process.argv.slice(2);
if (args.includes("--version")) {
  console.log(SERVER_VERSION);
} else if (args.includes("--help")) {
  console.log(USAGE);
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  startServer();
}
