// server/dist/server.js: the server's first bundle (serverBoot.js, which answers initialize),
// compiled with its code cache. It runs before the heap's flags are set, so it takes its cache at load.
import { join } from "node:path";
import { runBundle } from "./codeCache";

runBundle(join(__dirname, "serverBoot.js"), { cacheAtLoad: true });
