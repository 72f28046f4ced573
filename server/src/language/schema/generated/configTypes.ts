// The shape of configFiles.json (written by scripts/generate-schema/configMain.ts from a systemd
// source tree): the keys of systemd's own configuration files. Pure types, nothing at run time.
import type { DirectiveStatus, DocLink, ValueSpec } from "./types";

/** One key table of systemd's: a daemon's configuration, or a definition file format. */
export const CONFIG_TABLES = [
  "manager",
  "journald",
  "logind",
  "resolved",
  "timesyncd",
  "networkd",
  "coredump",
  "oomd",
  "sleep",
  "homed",
  "pstore",
  "journal-remote",
  "journal-upload",
  "nspawn",
  "dnssd",
  "repart",
  "sysupdate-transfer",
  "sysupdate-feature",
] as const;
export type ConfigTable = (typeof CONFIG_TABLES)[number];

/** A release read from a source archive rather than a git checkout. */
export interface ArchiveRef {
  /** Release tag the archive holds, e.g. "v257.13". */
  tag: string;
  /** The archive's file name and SHA-256, so the same input can be fetched again. */
  archive: string;
  sha256: string;
}

export interface ConfigFormat {
  /** The key table the reading program uses. */
  table: ConfigTable;
  /** Sections the file may hold, in the order the table lists them. */
  sections: string[];
  /** The man page (section 5 or 8, without the number) that documents the keys. */
  page: string;
}

export type ConfigDirective = {
  family: ConfigTable;
  section: string;
  name: string;
  /** systemd's parser function for the value; the kind is derived from it. */
  parser: string;
  list?: true;
  status?: DirectiveStatus;
  doc?: DocLink;
  /** The version the man page marks the entry with; absent when it has none. */
  since?: number;
} & ValueSpec;

export interface GeneratedConfigSchema {
  generator: "scripts/generate-schema";
  generatedFrom: { systemd: ArchiveRef };
  /** By table: sections and man page. */
  tables: Record<ConfigTable, ConfigFormat>;
  /** Sorted by family, section, name. */
  directives: ConfigDirective[];
}
