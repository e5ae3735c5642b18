-- :checkhealth tadqiq — the binary, its version, the clients running and the buffers they
-- serve, the keys set, and how this Neovim will show Arabic.

local M = {}

local health = vim.health or require("health")
local start = health.start or health.report_start -- report_* before 0.10
local ok = health.ok or health.report_ok
local info = health.info or health.report_info
local warn = health.warn or health.report_warn
local error = health.error or health.report_error

local function buffers_of(client)
  local names = {}
  for bufnr in pairs(client.attached_buffers or {}) do
    local name = vim.api.nvim_buf_get_name(bufnr)
    table.insert(names, name ~= "" and vim.fn.fnamemodify(name, ":~:.") or ("buffer " .. bufnr))
  end
  table.sort(names)
  return names
end

function M.check()
  local tadqiq = require("tadqiq")
  start("tadqiq: server")
  local opts = tadqiq.options
  if opts == nil then
    warn("require('tadqiq').setup{} has not run, so nothing starts the server", {
      "call require('tadqiq').setup{} in init.lua, see :help tadqiq-setup",
    })
    opts = tadqiq.defaults
  end
  local program = opts.cmd[1]
  local binary = vim.fn.exepath(program)
  if binary == "" then
    error(program .. " is not an executable (looked for as given and on the PATH)", {
      "install it: cargo install --locked --path . in the tadqiq repository (puts it in ~/.cargo/bin)",
      "or give its path: require('tadqiq').setup{ cmd = { '/path/to/tadqiq', 'lsp' } }",
    })
  else
    ok("binary: " .. binary)
    local output = vim.fn.system({ binary, "--version" })
    if vim.v.shell_error ~= 0 then
      error(binary .. " --version failed: " .. vim.trim(output), { "is it tadqiq? `" .. program .. " lsp` must serve LSP" })
    else
      ok("version: " .. vim.trim(output))
    end
  end
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    info("started by vim.lsp.enable('tadqiq') for filetypes " .. table.concat(opts.filetypes, ", "))
  else
    info("started by the plugin for filetypes " .. table.concat(opts.filetypes, ", ") .. ", one server per workspace root")
  end

  local clients = tadqiq.clients()
  if #clients == 0 then
    warn("no tadqiq client is running", {
      "open an article (filetype " .. table.concat(opts.filetypes, " or ") .. ")",
      "the client's log: " .. vim.lsp.get_log_path(),
    })
  end
  for _, client in ipairs(clients) do
    local names = buffers_of(client)
    local root = client.config and client.config.root_dir or "?"
    ok(("client %d (root %s) attached to %s"):format(client.id, root, #names > 0 and table.concat(names, ", ") or "no buffer"))
    local keys = opts.keys
    if type(keys) == "table" and #names > 0 then
      local bufnr = next(client.attached_buffers)
      local ours, theirs = {}, {}
      vim.api.nvim_buf_call(bufnr, function()
        for _, name in ipairs(tadqiq.key_order) do
          local lhs = keys[name]
          if type(lhs) == "string" and lhs ~= "" then
            if tadqiq.holder(lhs) == "tadqiq" then
              table.insert(ours, lhs .. " " .. name)
            else
              table.insert(theirs, lhs)
            end
          end
        end
      end)
      info("keys in " .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t") .. ": " .. table.concat(ours, ", "))
      if #theirs > 0 then
        info("left to your own mappings: " .. table.concat(theirs, ", "))
      end
    end
  end

  start("tadqiq: Arabic in this Neovim")
  if vim.fn.has("gui_running") == 1 then
    info("a GUI: it orders right-to-left text only if it implements bidi itself")
  elseif vim.o.termbidi then
    ok("'termbidi' is on: the terminal orders and shapes Arabic; floats are written in logical order")
  else
    info("'termbidi' is off: Neovim draws Arabic letter by letter, left to right, unless a window is 'rightleft'")
    info("in a terminal that does bidi (Konsole, mlterm, GNOME Terminal and other VTE terminals): :set termbidi")
    info("elsewhere :setlocal rightleft reads Arabic right but mirrors digits (1998 shows as 8991); tadqiq's floats keep them forward, see :help tadqiq-arabic")
  end
end

return M
