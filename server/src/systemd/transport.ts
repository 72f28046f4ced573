import type { Scope } from "../language/unitKind";
import type { HostArgument } from "../protocol/operationArguments";
import { systemctlArgv } from "./commandLines";

/**
 * How the operations reach a machine's systemd: this machine directly, another over ssh, or a
 * local container through machined. Every method answers a local argv; nothing is a shell line.
 */
export interface Transport {
  /** The host as messages name it ("this machine", "web1", "container box"). */
  readonly name: string;
  readonly remote: boolean;
  /** systemctl with `args` against the scope's manager on the host. */
  systemctl(scope: Scope, args: readonly string[]): string[];
  /** Runs `argv` on the host; `privileged` work goes through `sudo -n` where the host is set up for it. */
  program(argv: readonly string[], privileged: boolean): string[];
}

export const LOCAL: Transport = {
  name: "this machine",
  remote: false,
  systemctl: systemctlArgv,
  program: (argv) => [...argv],
};

/** One argument for a POSIX shell on the far side: single quotes, each ' written as '\''. */
export function shellQuote(argument: string): string {
  return `'${argument.replaceAll("'", "'\\''")}'`;
}

/**
 * Verbs that read unit files on the machine systemctl runs on even with --host or --machine:
 * `cat` is refused outright, and systemctl 252 looks for the file here before it asks the far
 * manager to enable or disable it ("unit ... does not exist"). These run on the host itself.
 */
const VERBS_RUN_THERE = new Set(["cat", "edit", "enable", "disable", "reenable", "link", "mask", "unmask", "preset"]);

/**
 * ssh: the system manager through `systemctl --host` (systemd's own transport, ssh underneath);
 * the user manager, sudo and everything else as an argv over ssh, each argument quoted for the
 * remote shell. BatchMode: ssh never prompts; keys, host keys and options are the user's ssh configuration.
 */
export function sshTransport(destination: string, options: { sudo: boolean; connectTimeoutSeconds: number }): Transport {
  const program = (argv: readonly string[], privileged: boolean): string[] => [
    "ssh",
    "-T",
    "-o",
    "BatchMode=yes",
    "-o",
    `ConnectTimeout=${options.connectTimeoutSeconds}`,
    "--",
    destination,
    ...(privileged && options.sudo ? ["sudo", "-n", "--", ...argv] : argv).map(shellQuote),
  ];
  return {
    name: destination,
    remote: true,
    program,
    systemctl(scope, args) {
      if (scope === "system" && !options.sudo && !VERBS_RUN_THERE.has(args[0] ?? "")) {
        return ["systemctl", `--host=${destination}`, "--no-ask-password", "--no-pager", ...args];
      }
      return program(systemctlArgv(scope, args), scope === "system");
    },
  };
}

/**
 * A container or VM registered with machined (`machinectl list`): the managers through
 * `systemctl --machine`, other programs through `systemd-run --machine --pipe` (as root for
 * privileged work, else as `user` in the user's manager, in the user's home).
 */
export function machineTransport(machine: string, user?: string): Transport {
  const target = (scope: Scope) => (scope === "user" ? [`--machine=${user ?? ""}@${machine}`, "--user"] : [`--machine=${machine}`]);
  const program = (argv: readonly string[], privileged: boolean): string[] => [
    "systemd-run",
    ...target(privileged ? "system" : "user"),
    "--quiet",
    "--pipe",
    "--wait",
    "--collect",
    "--",
    ...argv,
  ];
  return {
    name: `container ${machine}`,
    remote: true,
    program,
    systemctl(scope, args) {
      if (VERBS_RUN_THERE.has(args[0] ?? "")) return program(systemctlArgv(scope, args), scope === "system");
      const [systemctl, ...rest] = systemctlArgv(scope, args);
      return [systemctl!, ...target(scope), ...rest.filter((flag) => flag !== "--user")];
    },
  };
}

export function transportFor(host: HostArgument | undefined, connectTimeoutSeconds: number): Transport {
  if (!host) return LOCAL;
  if ("machine" in host) return machineTransport(host.machine, host.user);
  return sshTransport(host.ssh, { sudo: host.sudo === true, connectTimeoutSeconds });
}
