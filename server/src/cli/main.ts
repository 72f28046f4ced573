import { SERVER_VERSION } from "../version";
import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import { calendarCommand } from "./calendar";
import { deployCommand } from "./deploy";
import { fmtCommand } from "./fmt";
import { graphCommand } from "./graph";
import { lintCommand } from "./lint";
import { newCommand } from "./new";
import { showCommand } from "./show";
import { securityCommand } from "./security";

const USAGE = `Usage: unitsmith <command> [options]

Commands:
  lint PATH...   check unit files and directories of them (unitsmith lint --help)
  fmt PATH...    format unit files in place, or --check them (unitsmith fmt --help)
  new --name N --command C   write a unit that runs a command (unitsmith new --help)
  show FILE      print the unit FILE belongs to as systemd loads it, with its drop-ins (unitsmith show --help)
  graph FILE     the units around FILE's unit: requirements, ordering, conflicts (unitsmith graph --help)
  calendar EXPRESSION...     when an OnCalendar= expression elapses (unitsmith calendar --help)
  security PATH...           the exposure score of services (unitsmith security --help)
  deploy --inventory F --limit G FILE...   put units on an Ansible group's hosts (unitsmith deploy --help)

Options:
  --help         print this help
  --version      print the version`;

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  lint: lintCommand,
  fmt: fmtCommand,
  new: newCommand,
  show: showCommand,
  graph: graphCommand,
  calendar: calendarCommand,
  security: securityCommand,
  deploy: deployCommand,
};

/** Runs the CLI and returns its exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === "--version") {
    io.stdout(`${SERVER_VERSION}\n`);
    return EXIT_OK;
  }
  const run = commands[command];
  if (!run) {
    io.stderr(`unitsmith: unknown command "${command}"\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    // Usage mistakes (UsageError, parseArgs errors) and anything unexpected end the same way.
    io.stderr(`unitsmith ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
