-- Unitsmith for Neovim 0.11's vim.lsp.config / vim.lsp.enable. Put this directory's parent on
-- the runtimepath (or copy this file to ~/.config/nvim/lsp/) and call vim.lsp.enable("unitsmith").
-- The server is unitsmith-language-server on PATH (npm install -g unitsmith-language-server).
return {
  cmd = { "unitsmith-language-server", "--stdio" },
  filetypes = { "systemd" },
  -- The project file shared by a repository's units, else the repository.
  root_markers = { ".unitsmith.json", ".git" },
}
