import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";

const CONFIG = join(__dirname, "../../../editors/nvim/lsp/unitsmith.lua");

describe("editors/nvim/lsp/unitsmith.lua in a real Neovim", () => {
  it("loads, and names the server over stdio for the file type Neovim gives unit files", () => {
    const script = [
      `vim.cmd("filetype on")`,
      `local c = dofile(${JSON.stringify(CONFIG)})`,
      `vim.cmd("edit " .. vim.fn.tempname() .. "/systemd/system/web.service")`,
      `io.stdout:write(vim.fn.json_encode({ config = c, filetype = vim.bo.filetype }) .. "\\n")`,
    ].join("; ");
    const out = execFileSync("nvim", ["--headless", "--clean", "-n", "-i", "NONE", "-c", `lua ${script}`, "-c", "qall!"], {
      timeout: 30_000,
      encoding: "utf8",
    });
    const { config, filetype } = JSON.parse(out.trim().split("\n").at(-1)!) as {
      config: { cmd: string[]; filetypes: string[]; root_markers: string[] };
      filetype: string;
    };
    assert.deepEqual(config.cmd, ["unitsmith-language-server", "--stdio"]);
    assert.ok(config.filetypes.includes(filetype), `${filetype} among ${config.filetypes.join(", ")}`);
    assert.deepEqual(config.root_markers, [".unitsmith.json", ".git"]);
  });
});
