/**
 * The `unitsmith new` examples shown in docs/cli.md. test/cli/new.test.ts runs each one, checks the
 * units it prints with Unitsmith's rules and systemd-analyze verify, and checks that the manual
 * shows each command exactly as written here.
 */
export interface NewExample {
  args: string[];
  scope: "system" | "user";
}

export const newExamples: readonly NewExample[] = [
  { scope: "system", args: ["--name", "hello", "--command", "echo Hello from systemd"] },
  {
    scope: "system",
    args: [
      "--name",
      "backup",
      "--command",
      "tar czf /var/backups/www.tgz /srv/www",
      "--every",
      "daily",
      "--timeout",
      "30min",
      "--harden",
      "strict",
      "--working-dir",
      "/var/backups",
    ],
  },
  {
    scope: "user",
    args: ["--name", "tidy-downloads", "--scope", "user", "--command", "find ~/Downloads -mtime +30 -delete", "--every", "weekly"],
  },
  { scope: "system", args: ["--name", "greet", "--template", "--type", "oneshot", "--command", "echo Hello, %i"] },
  {
    scope: "system",
    args: ["--name", "proxy", "--command", "/lib/systemd/systemd-socket-proxyd 127.0.0.1:8080", "--socket", "80", "--harden", "strict"],
  },
  {
    scope: "system",
    args: [
      "--name",
      "worker",
      "--command",
      "sleep infinity",
      "--user",
      "www-data",
      "--restart",
      "on-failure",
      "--restart-sec",
      "5s",
      "--env",
      "LOG_LEVEL=info",
      "--memory-max",
      "512M",
      "--cpu-quota",
      "50%",
      "--after",
      "network-online.target",
    ],
  },
];
