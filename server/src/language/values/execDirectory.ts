import { problemAt, quoted, type ValueProblem } from "./problem";

export interface ExecDirectoryOptions {
  /** The directory the names live under: "/var/lib" for StateDirectory=. */
  base: string;
  /** Whether "name:link" may name a second directory, made a symbolic link to the first. */
  target: boolean;
}

/** The specifier that expands to each base, so "%S/foo" in StateDirectory= reads as "/var/lib/foo". */
const BASE_SPECIFIERS: Readonly<Record<string, string>> = {
  "/run": "%t",
  "/var/lib": "%S",
  "/var/cache": "%C",
  "/var/log": "%L",
  "/etc": "%E",
};

/** What the author meant by an absolute path under the base: the rest of it, when there is one. */
function underBase(written: string, base: string): string | undefined {
  for (const prefix of [base, BASE_SPECIFIERS[base]]) {
    if (!prefix || !written.startsWith(`${prefix}/`)) continue;
    const rest = written.slice(prefix.length).replace(/^\/+/, "");
    if (rest !== "") return rest;
  }
  return undefined;
}

/**
 * One relative name as path_simplify_and_warn(PATH_CHECK_RELATIVE) reads it. `text` has specifiers
 * stood in for; `written` is the same part as the author wrote it (same length).
 */
function relativeNameProblems(text: string, written: string, at: number, options: ExecDirectoryOptions, what: string): ValueProblem[] {
  const end = at + text.length;
  if (text.startsWith("/")) {
    const meant = underBase(written, options.base);
    const hint = meant ? ` Write ${quoted(meant)}.` : "";
    return [
      {
        ...problemAt(
          at,
          end,
          `Expected a ${what} relative to ${options.base}, not an absolute path; systemd ignores ${quoted(written)}.${hint}`,
        ),
        ...(meant && { suggestions: [meant] }),
      },
    ];
  }
  const parts = text.split("/").filter((p) => p !== "");
  if (parts.includes("..") || text === ".") {
    return [
      problemAt(
        at,
        end,
        `Expected a ${what} inside ${options.base}; systemd ignores ${quoted(written)}, which is not a plain path below it.`,
      ),
    ];
  }
  return [];
}

/** One word of StateDirectory= and its kin: "name", "name:link" or "name:link:ro". */
export function checkExecDirectory(text: string, written: string, options: ExecDirectoryOptions): ValueProblem[] {
  const [source = "", target, flags, ...rest] = text.split(":");
  const sourceProblems = relativeNameProblems(source, written.slice(0, source.length), 0, options, "directory name");
  if (sourceProblems.length) return sourceProblems;
  if (source.split("/")[0] === "private") {
    return [
      problemAt(
        0,
        source.length,
        `Expected a directory name other than "private", which systemd keeps for itself; it ignores ${quoted(written)}.`,
      ),
    ];
  }
  if (target === undefined || (target === "" && !flags)) return [];
  const targetStart = source.length + 1;
  if (!options.target && target !== "") {
    return [
      problemAt(
        targetStart - 1,
        targetStart + target.length,
        `Expected a directory name alone; ConfigurationDirectory= takes no ":link" part, so systemd ignores ${quoted(written)}.`,
      ),
    ];
  }
  if (target !== "") {
    const targetProblems = relativeNameProblems(
      target,
      written.slice(targetStart, targetStart + target.length),
      targetStart,
      options,
      "link name",
    );
    if (targetProblems.length) return targetProblems;
  }
  const flagsStart = targetStart + target.length + 1;
  if (flags !== undefined && flags !== "" && flags !== "ro") {
    return [
      problemAt(
        flagsStart,
        flagsStart + flags.length,
        `Expected "ro" (the only option) after the second ":"; systemd ignores ${quoted(written)}.`,
      ),
    ];
  }
  if (rest.length > 0)
    return [problemAt(flagsStart + (flags ?? "").length, text.length, `Expected at most two ":" in ${quoted(written)}.`, "warning")];
  return [];
}
