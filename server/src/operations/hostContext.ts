import { posix } from "node:path";
import type { HostArgument } from "../protocol/operationArguments";
import type { OperationFailure } from "../protocol/operationResults";
import { firstLine } from "../systemd/failure";
import { runProcess, type ProcessOutcome } from "../systemd/processRunner";
import { SerialLock } from "../systemd/serialLock";
import { transportFor, type Transport } from "../systemd/transport";
import type { OperationContext } from "./context";
import { OperationError } from "./failures";
import { remoteFiles } from "./remoteFiles";

/**
 * Where units go on another host: the administrator's directory, and the account's
 * ~/.config/systemd/user written relative to its home (where ssh and systemd-run --user start).
 */
const REMOTE_DIRECTORIES = { system: "/etc/systemd/system", user: ".config/systemd/user" };

/** What ssh (also under `systemctl --host`) prints when it cannot get in. */
const SSH_FAILURE =
  /^(ssh: |kex_exchange_identification|Connection (closed|reset|timed out)|Host key verification failed|Could not resolve hostname)|Permission denied \((publickey|password|keyboard-interactive|gssapi)|Connection timed out during banner exchange/m;

/** What a program there says when only root may do it (sudo -n: when sudo would need a password). */
const NEEDS_ROOT = /Permission denied|Operation not permitted|a password is required|not in the sudoers/;

/** The needs-privilege answer's advice on another host. */
export const rootAdvice = (transport: Transport) =>
  `On ${transport.name}, changing system units needs root: connect as root, or let Unitsmith use sudo there.`;

/** The answer when the host itself, not the command, failed: it did not answer, or ssh could not get in. */
export function hostFailure(transport: Transport, outcome: ProcessOutcome, argv: string[]): OperationFailure | undefined {
  if (!transport.remote) return undefined;
  if (!outcome.ok) {
    if (outcome.error !== "timed-out") return undefined;
    return {
      ok: false,
      reason: "timed-out",
      argv,
      message: `${transport.name} did not answer in time (${outcome.message}). Is it up and reachable with ssh?`,
    };
  }
  const sshGaveUp = outcome.code === 255 && outcome.stderr !== "";
  if (outcome.code === 0 || !(sshGaveUp || SSH_FAILURE.test(outcome.stderr))) return undefined;
  const line =
    outcome.stderr
      .split("\n")
      .find((each) => SSH_FAILURE.test(each))
      ?.trim() ?? firstLine(outcome.stderr);
  return {
    ok: false,
    reason: "host-unreachable",
    argv,
    stderr: outcome.stderr.trim(),
    message: `Could not reach ${transport.name}: ${line}`,
  };
}

/** A stable key for a host: its locks and pending reloads are kept under it. */
const hostKey = (host: HostArgument) => ("machine" in host ? `machine:${host.user ?? ""}@${host.machine}` : `ssh:${host.ssh}`);

/**
 * The context for one command's host: the server's own for this machine; for another host, the
 * same policy and prefix with that host's transport, files, directories, lock and pending reloads.
 */
export function contextForHost(context: OperationContext, host: HostArgument | undefined): OperationContext {
  if (!host) return context;
  const transport = transportFor(host, context.timeouts.connectSeconds);
  const key = hostKey(host);
  let state = context.hosts.get(key);
  if (!state) {
    state = { lock: new SerialLock(), reloadPending: new Set() };
    context.hosts.set(key, state);
  }
  const files = remoteFiles(async (argv, path, input) => {
    // The system directory is absolute, the account's own is relative to its home: only the first needs root.
    const privileged = posix.isAbsolute(path);
    const full = transport.program(argv, privileged);
    const outcome = await runProcess(full, {
      prefix: context.exec.prefix,
      env: context.exec.env,
      timeoutMs: context.timeouts.defaultMs,
      ...(input !== undefined && { input }),
    });
    const failure = hostFailure(transport, outcome, argv);
    if (failure) throw new OperationError(failure);
    if (!outcome.ok) throw new OperationError({ ok: false, reason: "command-failed", argv, message: outcome.message });
    if (outcome.code !== 0 && privileged && NEEDS_ROOT.test(outcome.stderr)) {
      const message = `${firstLine(outcome.stderr)}. ${rootAdvice(transport)}`;
      throw new OperationError({ ok: false, reason: "needs-privilege", needsPrivilege: true, argv, path, message });
    }
    return outcome;
  });
  return {
    ...context,
    ...state,
    transport,
    files,
    sourceFiles: context.sourceFiles ?? context.files,
    directories: REMOTE_DIRECTORIES,
  };
}
