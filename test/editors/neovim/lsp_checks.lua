-- Drives the Unitsmith language server from a real Neovim (0.7+) and checks what a user sees.
--   nvim --headless --clean -n -i NONE -c 'luafile test/editors/neovim/lsp_checks.lua'
-- Environment: UNITSMITH_SERVER (path of unitsmith-language-server.js, required),
-- UNITSMITH_NODE (node binary, default "node"), UNITSMITH_TIMEOUT_MS (per wait, default 20000).
-- Prints "ok - <check>" or "not ok - <check>: <why>" per check on stdout; exits 1 if any failed.
-- To add a check, append a check(name, fn) call at the end: open() a unit, then request() or
-- wait_for() what the user would see, and expect() on it.

local server = os.getenv("UNITSMITH_SERVER")
local node = os.getenv("UNITSMITH_NODE") or "node"
local timeout = tonumber(os.getenv("UNITSMITH_TIMEOUT_MS") or "20000")
local workdir = vim.fn.tempname()
vim.fn.mkdir(workdir, "p")
-- More units than one unit-name completion answer carries, so that answers are cut to what is typed.
local generated_units = 150
for i = 0, generated_units - 1 do
  vim.fn.mkdir(workdir .. "/many", "p")
  vim.fn.writefile({ "[Unit]", "Description=Generated " .. i }, workdir .. "/many/app-" .. i .. ".service")
end

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function finish(failures)
  vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
  vim.fn.delete(workdir, "rf")
  vim.cmd(failures == 0 and "qall!" or "cquit! 1")
end

if not server then
  say("not ok - setup: UNITSMITH_SERVER is not set")
  finish(1)
end

local client_ready = false
local server_exit_code
local client_id = vim.lsp.start_client({
  name = "unitsmith",
  cmd = { node, server, "--stdio" },
  root_dir = workdir,
  on_init = function()
    client_ready = true
  end,
  on_exit = function(code)
    server_exit_code = code
  end,
})

--- Waits until fn() returns a value other than nil/false, and returns it; errors after the timeout.
local function wait_for(what, fn)
  local value
  local done = vim.wait(timeout, function()
    value = fn()
    return value ~= nil and value ~= false
  end, 20)
  if not done then
    error(what .. ": nothing within " .. timeout .. " ms", 0)
  end
  return value
end

local function expect(condition, message)
  if not condition then
    error(message, 0)
  end
end

--- Writes a unit file into the scratch folder, opens it and attaches the server. Returns the buffer.
local function open(name, lines)
  local path = workdir .. "/" .. name
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p")
  vim.fn.writefile(lines, path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for("the server's initialize reply", function()
    expect(server_exit_code == nil, "the server exited with code " .. tostring(server_exit_code))
    return client_ready
  end)
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr
end

--- Sends a request for the buffer and returns the server's result; errors on an error reply.
local function request(bufnr, method, params)
  local replies = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  expect(replies and replies[client_id], method .. ": no reply within " .. timeout .. " ms")
  local reply = replies[client_id]
  expect(not reply.err, method .. ": " .. vim.inspect(reply.err))
  return reply.result
end

local failures = 0
local function check(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    say("ok - " .. name)
  else
    failures = failures + 1
    say("not ok - " .. name .. ": " .. tostring(err):gsub("\n", "\n    "))
  end
end

check("a malformed line gets a diagnostic with source unitsmith and a rule id", function()
  local bufnr = open("broken.service", {
    "[Unit]",
    "Description=Broken on purpose",
    "",
    "this line has no equals sign",
  })
  local diagnostic = wait_for("a diagnostic on line 4", function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == 3 then
        return d
      end
    end
  end)
  expect(diagnostic.source == "unitsmith", "source is " .. tostring(diagnostic.source))
  expect(diagnostic.code ~= nil and diagnostic.code ~= "", "the diagnostic names no rule id")
end)

check("document symbols list the unit's sections", function()
  local bufnr = open("web.service", {
    "[Unit]",
    "Description=Web front end",
    "",
    "[Service]",
    "ExecStart=/usr/bin/web --port 8080",
  })
  local symbols = request(bufnr, "textDocument/documentSymbol", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
  })
  local names = {}
  for _, symbol in ipairs(symbols or {}) do
    table.insert(names, symbol.name)
  end
  local joined = table.concat(names, " ")
  expect(joined:find("Unit", 1, true) and joined:find("Service", 1, true), "symbols: " .. joined)
end)

check("completion offers ExecStart in [Service]", function()
  local bufnr = open("complete.service", { "[Service]", "Exec" })
  local result = request(bufnr, "textDocument/completion", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = 1, character = 4 },
  })
  local items = result and (result.items or result) or {}
  local found = vim.tbl_filter(function(item)
    return item.label == "ExecStart"
  end, items)
  expect(#found == 1, "ExecStart is not among " .. #items .. " items")
end)

check("unit-name completion in a large workspace offers what is typed and says the list is incomplete", function()
  local bufnr = open("wants.service", { "[Unit]", "Wants=app-14" })
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = { line = 1, character = 12 } }
  local result = wait_for("app-149.service among the unit names", function()
    local answer = request(bufnr, "textDocument/completion", params)
    for _, item in ipairs(answer and (answer.items or answer) or {}) do
      if item.label == "app-149.service" then
        return answer
      end
    end
  end)
  expect(result.isIncomplete == true, "the cut list says it is incomplete: " .. tostring(result.isIncomplete))
  for _, item in ipairs(result.items) do
    expect(item.label:find("app-14", 1, true) == 1, item.label .. " does not start with what is typed")
  end
end)

check("hover explains ExecStart=", function()
  local bufnr = open("hover.service", { "[Service]", "ExecStart=/usr/bin/true" })
  local result = request(bufnr, "textDocument/hover", {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = 1, character = 3 },
  })
  local text = result and result.contents and result.contents.value or ""
  expect(text:find("ExecStart=", 1, true), "hover: " .. vim.inspect(result))
end)

check("unitsmith.systemd.status answers that there is no systemd to ask", function()
  local bufnr = open("status.service", { "[Service]", "ExecStart=/usr/bin/true" })
  local result = request(bufnr, "workspace/executeCommand", {
    command = "unitsmith.systemd.status",
    arguments = { { unit = "ssh.service", scope = "system" } },
  })
  expect(result and result.ok == false, "status: " .. vim.inspect(result))
  expect(result.reason == "no-systemd" and result.message:find("no systemd system manager", 1, true), "status: " .. vim.inspect(result))
end)

finish(failures)
