/** os-release: `KEY=value` lines, shell-compatible, that describe the operating system. */
import type { LineCompletion, LineFinding, LineFormat, LineHover } from "./lineFormat";
import { checkAssignments, type Assignment } from "./assignments";
import { finding, isCommentOrBlank, quotedText } from "./lines";
import { invalidField } from "./rules";

type Check = "id" | "ids" | "url" | "date" | "color" | "text";

const KEYS: Readonly<Record<string, [summary: string, check: Check]>> = {
  NAME: ["the operating system's name, for people", "text"],
  ID: ["the operating system's identifier: lower case, no spaces", "id"],
  ID_LIKE: ["identifiers of operating systems this one derives from or resembles, closest first", "ids"],
  PRETTY_NAME: ["the name with its version, for people", "text"],
  CPE_NAME: ["the Common Platform Enumeration name", "text"],
  VARIANT: ["the edition, for people", "text"],
  VARIANT_ID: ["the edition's identifier: lower case, no spaces", "id"],
  VERSION: ["the version, for people", "text"],
  VERSION_ID: ["the version's identifier: lower case, no spaces", "id"],
  VERSION_CODENAME: ["the release's code name: lower case, no spaces", "id"],
  BUILD_ID: ["the build of the image", "text"],
  IMAGE_ID: ["the identifier of the image: lower case, no spaces", "id"],
  IMAGE_VERSION: ["the version of the image: lower case, no spaces", "id"],
  HOME_URL: ["the operating system's home page", "url"],
  DOCUMENTATION_URL: ["its documentation", "url"],
  SUPPORT_URL: ["where to get support", "url"],
  BUG_REPORT_URL: ["where to report bugs", "url"],
  PRIVACY_POLICY_URL: ["its privacy policy", "url"],
  SUPPORT_END: ["the date support ends, YYYY-MM-DD", "date"],
  LOGO: ["the name of an icon for it", "text"],
  ANSI_COLOR: ["a terminal colour for its name: ANSI codes such as 0;31", "color"],
  VENDOR_NAME: ["the vendor's name", "text"],
  VENDOR_URL: ["the vendor's home page", "url"],
  DEFAULT_HOSTNAME: ["the host name used when none is configured", "text"],
  ARCHITECTURE: ["the CPU architecture the image is for", "id"],
  SYSEXT_LEVEL: ["the level system extensions must match", "id"],
  CONFEXT_LEVEL: ["the level configuration extensions must match", "id"],
  SYSEXT_SCOPE: ["where system extensions apply: system, initrd, portable", "ids"],
  CONFEXT_SCOPE: ["where configuration extensions apply: system, initrd, portable", "ids"],
  PORTABLE_PREFIXES: ["unit name prefixes of a portable service image", "text"],
};

const ID_VALUE = /^[a-z0-9._-]+$/;

function valueProblem(check: Check, value: string): string | undefined {
  if (check === "id" && !ID_VALUE.test(value)) return 'takes lower case letters, digits, ".", "_" and "-" only';
  if (
    check === "ids" &&
    !value
      .split(/\s+/)
      .filter(Boolean)
      .every((id) => ID_VALUE.test(id))
  )
    return 'takes identifiers (lower case letters, digits, ".", "_", "-") separated by spaces';
  if (check === "url" && !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return "takes a URL such as https://example.org/";
  if (check === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "takes a date written YYYY-MM-DD";
  if (check === "color" && !/^[0-9;]+$/.test(value)) return 'takes ANSI codes: digits separated by ";"';
  return undefined;
}

function checkValue(a: Assignment): LineFinding | undefined {
  if (a.unquotedSpace)
    return finding(
      invalidField,
      a.line,
      a.valueStart,
      a.valueEnd,
      "A value with spaces must be quoted: a shell reading the file would run the rest as a command.",
    );
  const known = KEYS[a.key];
  const problem = known && valueProblem(known[1], a.value);
  return problem
    ? finding(invalidField, a.line, a.valueStart, a.valueEnd, `${a.key} ${problem}; ${quotedText(a.value)} is not one.`)
    : undefined;
}

const checkOsRelease = (lines: readonly string[]): LineFinding[] => checkAssignments(lines, { reader: "readers", value: checkValue });

function complete(text: string, character: number): LineCompletion[] {
  const equals = text.indexOf("=");
  if (equals >= 0 && character > equals) return [];
  return Object.entries(KEYS).map(([label, [detail]]) => ({ label, kind: "key", detail, insertText: `${label}=` }));
}

function hover(text: string, character: number): LineHover | undefined {
  if (isCommentOrBlank(text)) return undefined;
  const equals = text.indexOf("=");
  const keyStart = text.search(/\S/);
  if (equals < 0 || character < keyStart || character > equals) return undefined;
  const key = text.slice(keyStart, equals).trim();
  const known = KEYS[key];
  if (!known) return undefined;
  return {
    start: keyStart,
    end: keyStart + key.length,
    summary: `**${key}**: ${known[0]}.`,
    manual: { page: "os-release(5)", term: `${key}=` },
  };
}

export const osRelease: LineFormat = {
  id: "os-release",
  check: checkOsRelease,
  complete,
  hover,
};
