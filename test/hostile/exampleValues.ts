import type { ValueSpec } from "../../server/src/language/schema/generated/types";

// Plausible values for each kind of directive value, so generated units look like real ones: most
// lines valid, some values of the wrong kind, every value grammar exercised.
const EXAMPLES: Partial<Record<ValueSpec["kind"], readonly string[]>> = {
  boolean: ["yes", "no", "true", "0"],
  tristate: ["yes", "no", ""],
  timespan: ["5min", "90", "1h 30min", "infinity", "250ms"],
  bytes: ["1G", "512M", "infinity", "40%"],
  percent: ["20%", "100%"],
  permille: ["20‰", "2.5%"],
  integer: ["0", "42", "65536"],
  unit: ["network-online.target", "app.socket", "getty@tty1.service"],
  unitList: ["network.target sshd.service", "basic.target"],
  condition: ["/etc/app.conf", "|!/run/flag", "x86-64"],
  exec: ["/usr/bin/app --config /etc/app.conf %i", "-/bin/sh -c 'echo $$HOME'", "+@/usr/bin/true true"],
  path: ["/var/lib/app", "/run/%N"],
  pathList: ["/etc /var/lib/app", "-/opt"],
  environment: ['LANG=C "GREETING=hello world"', "A=1"],
  environmentFile: ["-/etc/default/app", "/etc/app.env"],
  user: ["app", "0", "nobody"],
  group: ["app", "wheel"],
  capabilities: ["CAP_NET_BIND_SERVICE", "~CAP_SYS_ADMIN CAP_SYS_PTRACE"],
  syscallFilter: ["@system-service", "~@privileged @resources"],
  syscallArchitectures: ["native", "x86-64"],
  signal: ["SIGTERM", "9"],
  mode: ["0755", "0640"],
  cpuSet: ["0-3 5", "1"],
  ipPrefixList: ["any", "10.0.0.0/8 ::1", "localhost"],
  calendar: ["daily", "Mon..Fri 09:00", "*-*-* 02:30:00 UTC"],
  specifierString: ["%n on %H", "100%% sure"],
  string: ["A web application", "x"],
  stringList: ["a b c"],
  documentation: ["man:app(8) https://example.org/docs"],
  rlimit: ["65536", "1024:4096", "infinity"],
  deviceAllow: ["/dev/null rw", "char-pts r"],
  ioDeviceWeight: ["/dev/sda 200"],
  ioDeviceLimit: ["/dev/sda 5M"],
  ioDeviceLatency: ["/dev/sda 25ms"],
  exitStatusList: ["0 1 SIGTERM", "SUCCESS"],
  macAddress: ["00:11:22:33:44:55"],
  ipAddress: ["192.168.1.10/24", "fe80::1"],
  interfaceName: ["eth0", "wlp3s0"],
  port: ["8080", "0"],
  hostname: ["example.org"],
};

/** The `index`-th example value for a directive (wrapping around), in the grammar its spec names. */
export function exampleValue(spec: ValueSpec, index: number): string {
  const words = spec.kind === "enum" ? spec.values : (EXAMPLES[spec.kind] ?? ["value"]);
  return words.length === 0 ? "" : words[index % words.length]!;
}
