// The generator's readers on small pieces of C, shaped as systemd's sources and the C headers are.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readExpandingParsers } from "../../scripts/generate-schema/specifiers";
import { headerRef, readAddressFamilies, readErrnoNumbers, readExitStatusNames } from "../../scripts/generate-schema/valueNames";

describe("generator: value name readers", () => {
  it("reads address families as sys/socket.h defines them, aliases kept and AF_UNSPEC/AF_MAX left out", () => {
    const header = [
      "#define PF_UNSPEC 0",
      "#define PF_LOCAL 1",
      "#define PF_UNIX PF_LOCAL",
      "#define PF_INET 2",
      "#define PF_MAX 3",
      "#define AF_UNSPEC PF_UNSPEC",
      "#define AF_LOCAL PF_LOCAL",
      "#define AF_UNIX PF_UNIX",
      "#define AF_INET PF_INET",
      "#define AF_MAX PF_MAX",
      "#define AF_NOT_A_FAMILY 12",
    ].join("\n");
    assert.deepEqual(readAddressFamilies(header), ["AF_LOCAL", "AF_UNIX", "AF_INET"]);
  });

  it("reads errno names through aliases, dropping names with '_' and the one-architecture aliases", () => {
    const base = "#define EPERM 1\n#define EAGAIN 11\n#define EDEADLK 35\n#define ECANCELED 125\n";
    const more = "#define EWOULDBLOCK EAGAIN\n#define EDEADLOCK EDEADLK\n#define ECANCELLED ECANCELED\n#define E_NOT 3\n";
    const glibc = "#  define ENOTSUP\t\tEOPNOTSUPP\n#define EOPNOTSUPP 95\n";
    assert.deepEqual(readErrnoNumbers([base, more, glibc]), {
      EPERM: 1,
      EAGAIN: 11,
      EWOULDBLOCK: 11,
      EDEADLK: 35,
      EDEADLOCK: 35,
      ENOTSUP: 95,
      EOPNOTSUPP: 95,
      ECANCELED: 125,
    });
  });

  it("reads the exit status names of the mapping table, and refuses a table of another shape", () => {
    const c = [
      "const ExitStatusMapping exit_status_mappings[256] = {",
      '        [EXIT_SUCCESS] = { "SUCCESS", EXIT_STATUS_LIBC },',
      '        [EX_TEMPFAIL] =  { "TEMPFAIL", EXIT_STATUS_BSD },',
      "};",
    ].join("\n");
    assert.deepEqual(readExitStatusNames(c), ["SUCCESS", "TEMPFAIL"]);
    assert.throws(() => readExitStatusNames("static int nothing;"), /exit_status_mappings/);
  });

  it("names the C library and kernel header versions", () => {
    assert.deepEqual(headerRef("#define\t__GLIBC__\t2\n#define\t__GLIBC_MINOR__\t36\n", "#define LINUX_VERSION_CODE 393659\n"), {
      glibc: "2.36",
      linux: "6.1",
    });
  });

  it("finds the parsers that expand specifiers, also through the parsers they hand the value to", () => {
    const c = [
      "int config_parse_direct(const char *rvalue) {",
      "        r = unit_path_printf(u, rvalue, &k);",
      "}",
      "int config_parse_handing_on(const char *rvalue) {",
      "        return config_parse_direct(rvalue);",
      "}",
      "int config_parse_plain(const char *rvalue) {",
      "        return parse_boolean(rvalue);",
      "}",
      "",
    ].join("\n");
    assert.deepEqual([...readExpandingParsers(c)].sort(), ["config_parse_direct", "config_parse_handing_on"]);
  });
});
