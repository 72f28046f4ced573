import type { Position, SignatureHelp } from "vscode-languageserver-types";
import { nodeAt, sectionAt, type UnitFile } from "./parser";
import { fileSchemaFor } from "./schema/fileSchema";
import type { ValueKind } from "./schema/generated/types";
import type { UnitKind } from "./unitKind";

/** The parts of one structured value, and which part the text before the cursor is in. */
interface Shape {
  /** `{name}` stands for the directive's name. */
  label: string;
  parameters: readonly { label: string; documentation: string }[];
  /** The parameter the cursor is in, from the value up to the cursor. */
  active(before: string): number;
}

const lastWord = (text: string) => text.slice(text.search(/\S*$/));

const EXEC: Shape = {
  label: "{name}=[PREFIXES]PROGRAM [ARGUMENT...]",
  parameters: [
    {
      label: "[PREFIXES]",
      documentation: "@ - : + ! !! in front of the program: argv[0] of its own, failure ignored, no specifiers, privileges.",
    },
    { label: "PROGRAM", documentation: "An absolute path, or a name systemd looks up on its own search path." },
    { label: "[ARGUMENT...]", documentation: "Split at spaces like a shell would, without its expansions; quotes group words." },
  ],
  active: (before) => (!/\s/.test(before.trimStart()) ? (/^[\s@\-:+!|]*$/.test(before) ? 0 : 1) : 2),
};

type Parameter = Shape["parameters"][number];

/** Two parts of one word, the second after `separator` ("NAME=VALUE", "ADDRESS/PREFIX", "SOFT:HARD"). */
const splitWord = (label: string, separator: string, first: Parameter, second: Parameter): Shape => ({
  label,
  parameters: [first, second],
  active: (before) => (lastWord(before).includes(separator) ? 1 : 0),
});

/** Two words ("DEVICE WEIGHT"). */
const twoWords = (label: string, first: Parameter, second: Parameter): Shape => ({
  label,
  parameters: [first, second],
  active: (before) => (/\S\s+\S*$/.test(before.trimStart()) ? 1 : 0),
});

const ENVIRONMENT = splitWord(
  "{name}=NAME=VALUE [NAME=VALUE...]",
  "=",
  { label: "NAME", documentation: "The variable's name: letters, digits and underscores." },
  { label: "VALUE", documentation: "Its value; quote the whole assignment when the value has spaces." },
);

const ADDRESSES = splitWord(
  "{name}=ADDRESS[/PREFIX] | any | localhost | link-local | multicast ...",
  "/",
  { label: "ADDRESS", documentation: "An IPv4 or IPv6 address, or one of the words for a whole range." },
  { label: "[/PREFIX]", documentation: "The length of the network prefix: /24, /64; a single address without it." },
);

const CALENDAR: Shape = {
  label: "{name}=[WEEKDAY] [YEAR-MONTH-DAY] [HOUR:MINUTE[:SECOND]] [TIMEZONE]",
  parameters: [
    { label: "[WEEKDAY]", documentation: "Mon, Tue, ...; ranges Mon..Fri and lists Sat,Sun." },
    { label: "[YEAR-MONTH-DAY]", documentation: "* for any; ranges, lists, /repetition, and ~ to count from the month's end." },
    { label: "[HOUR:MINUTE[:SECOND]]", documentation: "Midnight when left out; seconds may have fractions." },
    { label: "[TIMEZONE]", documentation: "UTC or a zone such as Europe/Berlin; the machine's own zone when left out." },
  ],
  active: (before) => {
    const word = lastWord(before);
    if (word.includes(":")) return 2;
    if (word.includes("-") || /^\*|^\d/.test(word)) return 1;
    if (/^[A-Z][a-z]{2}(\.\.|,|$)/.test(word) && before.trim() === word) return 0;
    return word === "" ? Math.min(3, before.trim().split(/\s+/).filter(Boolean).length) : 3;
  },
};

const LIMIT = splitWord(
  "{name}=SOFT[:HARD]",
  ":",
  { label: "SOFT", documentation: "The limit a process starts with and may raise up to HARD; infinity for none." },
  { label: "[:HARD]", documentation: "The ceiling; the same as SOFT when left out." },
);

const DEVICE: Parameter = {
  label: "DEVICE",
  documentation: "A block device node such as /dev/sda, or a path on the file system whose device is meant.",
};
const deviceShape = (what: string, documentation: string) => twoWords(`{name}=DEVICE ${what}`, DEVICE, { label: what, documentation });

const DEVICE_ALLOW = twoWords(
  "{name}=DEVICE [rwm]",
  { label: "DEVICE", documentation: "A device node such as /dev/null, or a class: char-pts, block-loop, ..." },
  { label: "[rwm]", documentation: "What may be done: read, write, mknod; all three when left out." },
);

const SHAPES: Partial<Record<ValueKind, Shape>> = {
  exec: EXEC,
  environment: ENVIRONMENT,
  ipPrefixList: ADDRESSES,
  calendar: CALENDAR,
  rlimit: LIMIT,
  ioDeviceWeight: deviceShape("WEIGHT", "1 to 10000; how much of the device's time the unit gets beside others."),
  ioDeviceLimit: deviceShape("BYTES|IOPS", "Bytes (with K, M, G suffixes) or operations per second; max for no limit."),
  ioDeviceLatency: deviceShape("TIME", "A time span such as 25ms: the latency the unit should see."),
  deviceAllow: DEVICE_ALLOW,
};

/** The parts of the structured value at the cursor (a command line, an assignment, an address, a schedule, a limit, a device and its amount). */
export function signatureHelp(file: UnitFile, kind: UnitKind, position: Position): SignatureHelp | null {
  const offset = file.lines.offsetAt(position);
  const node = nodeAt(file, offset);
  const section = sectionAt(file, offset);
  if (node?.kind !== "entry" || !section || offset <= node.equals) return null;
  const info = fileSchemaFor(kind)?.directive(section.name, node.key);
  const shape = info && SHAPES[info.value.kind];
  if (!shape) return null;
  const before = file.text.slice(node.equals + 1, offset);
  // A value continued on later lines is matched on its last line only.
  const line = before.slice(before.lastIndexOf("\n") + 1);
  return {
    signatures: [
      {
        label: shape.label.replace("{name}", node.key),
        parameters: shape.parameters.map((parameter) => ({ ...parameter })),
        ...(info.summary && { documentation: info.summary.summary }),
      },
    ],
    activeSignature: 0,
    activeParameter: shape.active(line),
  };
}
