// Files no editor should choke on, each with what the server and the CLI must say about it.
// They are generated, not stored: the 50 MB one would not belong in a repository.

export interface NastyFile {
  /** What the file is, for test names. */
  what: string;
  /** File name, shell metacharacters and all. */
  name: string;
  bytes: () => Buffer;
  /** Rule ids that must be among the diagnostics (server and `unitsmith lint`). */
  codes: string[];
  /** Rule ids that must not be. */
  notCodes: string[];
  /** What systemd-analyze verify says on save, one pattern a finding; none when it finds nothing. */
  verifySays?: RegExp[];
  /** Whether `unitsmith fmt` may rewrite it; files it cannot read losslessly or that are over the size limit it must leave alone. */
  formattable: boolean;
}

const utf8 = (text: string) => () => Buffer.from(text, "utf8");
const TARGET = "[Unit]\nDescription=Hostile input\n";

export const FIFTY_MB = 50 * 1024 * 1024;

export const NASTY_FILES: NastyFile[] = [
  {
    what: "binary data",
    name: "binary.target",
    bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    codes: ["invalid-encoding"],
    // One problem, one finding: systemd-analyze's complaints about its lines say the same.
    verifySays: [],
    notCodes: ["file-too-large"],
    formattable: false,
  },
  {
    what: "NUL bytes inside a valid unit",
    name: "nul.target",
    bytes: utf8("[Unit]\nDescription=before\0after\n"),
    codes: ["invalid-encoding"],
    verifySays: [],
    notCodes: ["file-too-large"],
    formattable: false,
  },
  {
    what: "invalid UTF-8",
    name: "latin1.target",
    bytes: () => Buffer.concat([Buffer.from("[Unit]\nDescription=caf"), Buffer.from([0xe9, 0x20, 0xc3, 0x28, 0xff]), Buffer.from("\n")]),
    codes: ["invalid-encoding"],
    notCodes: ["file-too-large"],
    formattable: false,
  },
  {
    what: "a 50 MB file",
    name: "huge.target",
    bytes: () => Buffer.alloc(FIFTY_MB, "[Unit]\nDescription=x\n"),
    codes: ["file-too-large"],
    notCodes: ["invalid-encoding"],
    formattable: false,
  },
  {
    // Over the default unitsmith.maxFileSizeKB (2048): lint and the server skip it, and fmt must too.
    what: "a 3 MB file, over the size limit",
    name: "overlimit.target",
    // Whole lines only: a line cut short at the end would be a true finding of systemd-analyze.
    bytes: () => Buffer.from("[Unit]\nDescription=x\n".repeat(Math.ceil((3 * 1024 * 1024) / 21))),
    codes: ["file-too-large"],
    notCodes: ["invalid-encoding"],
    formattable: false,
  },
  {
    what: "a single line of 1,000,000 characters",
    name: "longline.target",
    bytes: utf8(`[Unit]\nDescription=${"x".repeat(1_000_000)}\n`),
    codes: [],
    notCodes: ["file-too-large", "invalid-encoding", "malformed-line"],
    formattable: true,
  },
  {
    what: "100,000 sections",
    name: "sections.target",
    bytes: utf8("[Unit]\n".repeat(100_000)),
    codes: [],
    notCodes: ["file-too-large", "invalid-encoding", "malformed-line"],
    formattable: true,
  },
  {
    what: "10,000 continuation lines",
    name: "continued.service",
    bytes: utf8(`[Service]\nExecStart=/bin/echo \\\n${"  argument \\\n".repeat(10_000)}  last\n`),
    codes: [],
    notCodes: ["file-too-large", "invalid-encoding", "malformed-line", "unterminated-continuation"],
    formattable: true,
  },
  {
    what: "mixed CR, CRLF and LF line ends",
    name: "mixed.target",
    bytes: utf8("[Unit]\rDescription=a\r\nDocumentation=man:x(1)\n\r\n[Install]\rWantedBy=multi-user.target\r"),
    codes: [],
    notCodes: ["malformed-line", "invalid-encoding", "invalid-section-header"],
    formattable: true,
  },
  {
    what: "a UTF-8 BOM",
    name: "bom.target",
    bytes: utf8(`\uFEFF${TARGET}`),
    codes: [],
    notCodes: ["malformed-line", "invalid-encoding", "invalid-section-header"],
    formattable: true,
  },
  {
    what: "a BOM and CRLF",
    name: "bomcrlf.target",
    bytes: utf8(`\uFEFF${TARGET.replace(/\n/g, "\r\n")}`),
    codes: [],
    notCodes: ["malformed-line", "invalid-encoding", "invalid-section-header"],
    formattable: true,
  },
  ...[
    "a b;rm -rf.target",
    "$(touch pwned).target",
    "`touch pwned`.target",
    `quo"te's.target`,
    "new\nline.target",
    "back\\slash.target",
  ].map((name): NastyFile => ({
    what: `the file name ${JSON.stringify(name)}`,
    name,
    bytes: utf8(TARGET),
    codes: [],
    // systemd takes a unit's name from its file name, and refuses these characters in it.
    ...(!name.includes("\\") && { verifySays: [/^Failed to prepare filename .*/] }),
    notCodes: ["invalid-encoding", "malformed-line"],
    formattable: true,
  })),
];

/** The text an editor would hand the server: the bytes read as UTF-8, invalid sequences replaced. */
export function editorText(file: NastyFile): string {
  return file.bytes().toString("utf8");
}
