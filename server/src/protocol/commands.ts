/** The ids of the commands the server answers through workspace/executeCommand, with their argument and result types. */
import type { DeployArgument, DeployResult, InventoryArgument, InventoryGroupsResult } from "./deploy";
import type { InstallArgument, JournalArgument, ScopeArgument, UnitArgument, WriteOverrideArgument } from "./operationArguments";
import type {
  CatResult,
  DaemonReloadResult,
  ExplainFailureResult,
  InstallResult,
  JournalResult,
  ListResult,
  MachinesResult,
  OverrideResult,
  SecurityResult,
  StatusResult,
  UninstallResult,
  UnitActionResult,
  WriteOverrideResult,
} from "./operationResults";

/** Operations on a systemd manager; arguments in ./operationArguments, results in ./operationResults. */
export const COMMANDS = {
  status: "unitsmith.systemd.status",
  start: "unitsmith.systemd.start",
  stop: "unitsmith.systemd.stop",
  restart: "unitsmith.systemd.restart",
  reload: "unitsmith.systemd.reload",
  enable: "unitsmith.systemd.enable",
  disable: "unitsmith.systemd.disable",
  enableNow: "unitsmith.systemd.enableNow",
  daemonReload: "unitsmith.systemd.daemonReload",
  resetFailed: "unitsmith.systemd.resetFailed",
  journal: "unitsmith.systemd.journal",
  cat: "unitsmith.systemd.cat",
  list: "unitsmith.systemd.list",
  override: "unitsmith.systemd.override",
  writeOverride: "unitsmith.systemd.writeOverride",
  install: "unitsmith.systemd.install",
  uninstall: "unitsmith.systemd.uninstall",
  security: "unitsmith.systemd.security",
  explainFailure: "unitsmith.systemd.explainFailure",
  machines: "unitsmith.systemd.machines",
  deploy: "unitsmith.systemd.deploy",
  inventoryGroups: "unitsmith.systemd.inventoryGroups",
} as const;

export type CommandName = keyof typeof COMMANDS;

/** Each command's argument and result. */
interface CommandSignatures {
  status: [UnitArgument, StatusResult];
  start: [UnitArgument, UnitActionResult];
  stop: [UnitArgument, UnitActionResult];
  restart: [UnitArgument, UnitActionResult];
  reload: [UnitArgument, UnitActionResult];
  enable: [UnitArgument, UnitActionResult];
  disable: [UnitArgument, UnitActionResult];
  enableNow: [UnitArgument, UnitActionResult];
  resetFailed: [UnitArgument, UnitActionResult];
  daemonReload: [ScopeArgument, DaemonReloadResult];
  journal: [JournalArgument, JournalResult];
  cat: [UnitArgument, CatResult];
  list: [ScopeArgument, ListResult];
  override: [UnitArgument, OverrideResult];
  writeOverride: [WriteOverrideArgument, WriteOverrideResult];
  install: [InstallArgument, InstallResult];
  uninstall: [UnitArgument, UninstallResult];
  security: [{ uri: string }, SecurityResult];
  explainFailure: [UnitArgument, ExplainFailureResult];
  machines: [Record<string, never>, MachinesResult];
  deploy: [DeployArgument, DeployResult];
  inventoryGroups: [InventoryArgument, InventoryGroupsResult];
}

/** Fails to compile when a command has no entry in the table. */
export type CommandTypes = { [K in CommandName]: CommandSignatures[K] };

export type ArgumentOf<K extends CommandName> = CommandTypes[K][0];
export type ResultOf<K extends CommandName> = CommandTypes[K][1];

export const COMMAND_IDS: readonly string[] = Object.values(COMMANDS);

/** workspace/executeCommand that renders an installed man page as Markdown, for `man:` links. */
export const SHOW_MAN_PAGE = "unitsmith.showManPage";

export type ShowManPageAnswer = { ok: true; name: string; markdown: string } | { ok: false; message: string };

/** workspace/executeCommand that answers the unit a file belongs to as systemd would load it, read offline. */
export const EFFECTIVE_UNIT = "unitsmith.effectiveUnit";

/** The unit file, or drop-in, whose unit to show: open in the editor or saved on disk. */
export interface EffectiveUnitArgument {
  uri: string;
}

export type EffectiveUnitAnswer =
  | {
      ok: true;
      unit: string;
      scope: "system" | "user";
      /** The unit as a unit file, each assignment under a comment naming the file and line it came from. */
      text: string;
      /** The unit file and the drop-ins, in the order systemd reads them. */
      files: string[];
    }
  | { ok: false; message: string };

/** workspace/executeCommand that answers the units around the unit a file belongs to, read offline. */
export const DEPENDENCY_GRAPH = "unitsmith.dependencyGraph";

/** The commands about the unit a file belongs to, which every build answers offline. */
export const UNIT_FILE_COMMANDS: readonly string[] = [EFFECTIVE_UNIT, DEPENDENCY_GRAPH];

/** The unit file or drop-in, and how many steps out to follow (1 to 5; 1 when absent). */
export interface DependencyGraphArgument {
  uri: string;
  depth?: number;
}

export type DependencyGraphAnswer =
  | {
      ok: true;
      unit: string;
      /** The graph in Graphviz's DOT language: requirement edges solid, ordering dashed, conflicts dotted. */
      dot: string;
      /** Each unit in the graph, with its file where one is known. */
      nodes: { name: string; path?: string }[];
    }
  | { ok: false; message: string };
