// server/dist/cli.js: the command line's bundle, compiled with its code cache.
import { join } from "node:path";
import { runBundle } from "./codeCache";

runBundle(join(__dirname, "cliMain.js"));
