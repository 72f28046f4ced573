/** modules-load.d: one kernel module name per line, loaded by systemd-modules-load at boot. */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { finding, isCommentOrBlank, quotedText } from "./lines";
import { invalidField } from "./rules";

/** Module names and aliases: no whitespace (the whole line is looked up as one name). */
function check(lines: readonly string[]): LineFinding[] {
  return lines.flatMap((text, line) => {
    if (isCommentOrBlank(text, "#;")) return [];
    const name = text.trim();
    const start = text.indexOf(name);
    return /\s/.test(name)
      ? [
          finding(
            invalidField,
            line,
            start,
            start + name.length,
            `systemd-modules-load looks up the whole line as one module name; ${quotedText(name)} is none. Write one module per line.`,
          ),
        ]
      : [];
  });
}

const COMMON: Readonly<Record<string, string>> = {
  br_netfilter: "lets iptables see bridged traffic",
  overlay: "the overlay file system containers use",
  loop: "loop devices",
  nf_conntrack: "connection tracking for the firewall",
  tun: "TUN/TAP network devices",
  wireguard: "WireGuard VPN tunnels",
};

const complete = (text: string): LineCompletion[] =>
  text.trim().includes(" ") ? [] : Object.entries(COMMON).map(([label, detail]) => ({ label, kind: "value", detail }));

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text, "#;")) return undefined;
  const name = text.trim();
  const start = text.indexOf(name);
  if (character < start || character > start + name.length) return undefined;
  const known = COMMON[name];
  return {
    start,
    end: start + name.length,
    summary: `**Kernel module \`${name}\`**${known ? `: ${known}` : ""}; loaded at boot by systemd-modules-load ("-" and "_" in a name are the same).`,
  };
}

export const modulesLoad: LineFormat = {
  id: "systemd-modules-load",
  check,
  complete,
  hover,
  format: (lines) => lines.map((line) => line.trim()),
};
