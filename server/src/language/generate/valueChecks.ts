/** Checks of single option values; each returns why the value is refused, or undefined. */
import { parseByteSize } from "../values/byteSize";
import { parseCalendar } from "../values/calendar";
import { isIPv4, isIPv6 } from "../values/ipPrefix";
import { checkPath } from "../values/path";
import { parsePercent } from "../values/percent";
import { parseTimeSpan } from "../values/timeSpan";
import { parseUnitName } from "../values/unitName";
import { parseUserGroup } from "../values/userGroup";

/** Messages from the value grammars start with what was expected; the option name and value go first. */
const about = (option: string, value: string, detail: string) => `${option} ${JSON.stringify(value)}: ${detail}`;

export function oneOf(option: string, value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : about(option, value, `expected one of ${allowed.join(", ")}.`);
}

/** A span that ends something: neither zero nor "infinity". */
export function positiveSpan(option: string, value: string): string | undefined {
  const r = parseTimeSpan(value);
  if (!r.ok) return about(option, value, r.problem.message);
  if (r.infinity || r.usec === 0n) return about(option, value, "give a span longer than zero and not infinity, such as 30s or 5min.");
  return undefined;
}

export function calendar(option: string, value: string): string | undefined {
  const r = parseCalendar(value);
  return r.ok ? undefined : about(option, value, r.problem.message);
}

/** An absolute path systemd reads as written: no "..", no doubled or trailing slashes. */
export function absolutePath(option: string, value: string, allowOptionalPrefix = false): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return about(option, value, "a path must not contain control characters.");
  const [problem] = checkPath(value, { allowOptionalPrefix });
  return problem ? about(option, value, problem.message) : undefined;
}

export function userOrGroup(option: string, value: string, what: "user" | "group"): string | undefined {
  const r = parseUserGroup(value, { what });
  return r.ok ? undefined : about(option, value, r.problem.message);
}

/** A unit to depend on: a plain name or an instance, not a template. */
export function dependency(option: string, value: string): string | undefined {
  const r = parseUnitName(value, { allow: ["plain", "instance"] });
  return r.ok ? undefined : about(option, value, r.problem.message);
}

export function unitName(option: string, name: string): string | undefined {
  const r = parseUnitName(name, { types: ["service"] });
  return r.ok ? undefined : about(option, name, r.problem.message);
}

export function memorySize(option: string, value: string): string | undefined {
  const r = parseByteSize(value, { allowPercent: true, allowInfinity: true });
  return r.ok ? undefined : about(option, value, r.problem.message);
}

/** CPUQuota= counts in hundredths of a percent and may exceed 100% (one full CPU each). */
export function cpuQuota(option: string, value: string): string | undefined {
  const r = parsePercent(value, { kind: "permyriad", unbounded: true });
  if (!r.ok) return about(option, value, r.problem.message);
  return r.units === 0 ? about(option, value, "a quota of 0% would never let the command run.") : undefined;
}

export function environmentAssignment(option: string, value: string): string | undefined {
  const eq = value.indexOf("=");
  if (eq < 0) return about(option, value, 'expected KEY=VALUE, such as "LANG=C.UTF-8".');
  const key = value.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    return about(option, value, `${JSON.stringify(key)} is not a variable name (letters, digits and _, not starting with a digit).`);
  }
  if (value.includes("\0")) return about(option, value, "a value cannot contain a NUL character.");
  return undefined;
}

export function description(option: string, value: string): string | undefined {
  if (value.trim() === "") return about(option, value, "the description is empty.");
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(value) ? about(option, value, "a description is one line without control characters.") : undefined;
}

/** ListenStream= forms: a port, IPv4:port, [IPv6]:port or an absolute socket path. */
export function listenAddress(option: string, value: string): string | undefined {
  if (value.startsWith("/")) return absolutePath(option, value);
  const port = /^(?:(.*):)?(\d+)$/.exec(value);
  const expected = 'expected a port such as 8080, an address with a port such as 127.0.0.1:8080 or "[::1]:8080", or a socket path.';
  if (!port) return about(option, value, expected);
  const [, host, number] = port;
  if (Number(number) < 1 || Number(number) > 65535) return about(option, value, "a port is a number from 1 to 65535.");
  if (host === undefined || isIPv4(host) || (/^\[.*\]$/.test(host) && isIPv6(host.slice(1, -1)))) return undefined;
  return about(option, value, expected);
}
