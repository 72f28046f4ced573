import { problemAt, quoted, type ValueProblem } from "./problem";
import { splitWords } from "./words";

export type IpFamily = "ipv4" | "ipv6";

/** Words IPAddressAllow=/IPAddressDeny= accept in place of prefixes, and what they stand for. */
export const IP_PREFIX_WORDS: Readonly<Record<string, string>> = {
  any: "0.0.0.0/0 and ::/0",
  localhost: "127.0.0.0/8 and ::1/128",
  "link-local": "169.254.0.0/16 and fe80::/64",
  multicast: "224.0.0.0/4 and ff00::/8",
};

export interface IpPrefixItem {
  text: string;
  family?: IpFamily;
  prefixLength?: number;
  /** Set for the words any, localhost, link-local and multicast. */
  word?: string;
  start: number;
  end: number;
}

export interface IpPrefixOptions {
  /** Restrict to one family; both by default. */
  family?: IpFamily;
  /** Whether the words any, localhost, link-local and multicast are allowed (true by default). */
  allowWords?: boolean;
}

export function isIPv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(text: string): boolean {
  let groups = text;
  let extra = 0;
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    groups = text.slice(0, lastColon + 1) + "0";
    extra = 1;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return false;
  const count = (h: string) => (h === "" ? [] : h.split(":"));
  const parts = halves.flatMap(count);
  if (!parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p))) return false;
  const total = parts.length + extra;
  return halves.length === 2 ? total <= 7 : total === 8;
}

const EXPECTED = 'Expected an address prefix such as "10.0.0.0/8", "fd00::/8" or "192.168.1.1"';

function parseOne(word: string, options: IpPrefixOptions): Omit<IpPrefixItem, "start" | "end"> | string {
  if (options.allowWords !== false && Object.hasOwn(IP_PREFIX_WORDS, word)) return { text: word, word };
  const slash = word.indexOf("/");
  const address = slash >= 0 ? word.slice(0, slash) : word;
  const family: IpFamily | undefined = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (!family) return `${quoted(address)} is not an IPv4 or IPv6 address.`;
  if (options.family && family !== options.family) return `only ${options.family === "ipv4" ? "IPv4" : "IPv6"} addresses are allowed here.`;
  const max = family === "ipv4" ? 32 : 128;
  if (slash < 0) return { text: word, family, prefixLength: max };
  const length = word.slice(slash + 1);
  if (!/^\d{1,3}$/.test(length) || Number(length) > max) return `the prefix length after "/" must be a number from 0 to ${max}.`;
  return { text: word, family, prefixLength: Number(length) };
}

/** Parses a space-separated list of address prefixes (IPAddressAllow=, IPAddressDeny= and the like). */
export function parseIpPrefixes(value: string, options: IpPrefixOptions = {}): { items: IpPrefixItem[]; problems: ValueProblem[] } {
  const split = splitWords(value);
  const items: IpPrefixItem[] = [];
  const problems: ValueProblem[] = [];
  for (const w of split.words) {
    const r = parseOne(w.text, options);
    if (typeof r === "string") problems.push(problemAt(w.start, w.end, `${EXPECTED}; ${r}`));
    else items.push({ ...r, start: w.start, end: w.end });
  }
  if (split.problem) problems.push(split.problem);
  return { items, problems };
}

export function checkIpPrefixes(value: string, options?: IpPrefixOptions): ValueProblem[] {
  return parseIpPrefixes(value, options).problems;
}
