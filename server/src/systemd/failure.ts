export type FailureKind = "needs-privilege" | "no-systemd";

/** What a failed systemctl/journalctl run means, judged from its stderr; undefined when it is an ordinary failure. */
export function classifyFailure(stderr: string): FailureKind | undefined {
  if (
    /Access denied|Interactive authentication required|authentication is required|Permission denied|Operation not permitted|polkit|a password is required/i.test(
      stderr,
    )
  ) {
    return "needs-privilege";
  }
  if (/System has not been booted with systemd|Failed to connect to bus|DBUS_SESSION_BUS_ADDRESS|No medium found/i.test(stderr)) {
    return "no-systemd";
  }
  return undefined;
}

/** The first meaningful line of stderr, for messages ("See system logs..." is systemctl's boilerplate). */
export function firstLine(stderr: string): string {
  return (
    stderr
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line !== "" && !line.startsWith("See system logs")) ?? ""
  );
}
