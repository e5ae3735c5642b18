-- tadqiq for Neovim's built-in LSP client: dates and figures in Arabic news checked across
-- the sources in the workspace. `require("tadqiq").setup{}` with any of the options below.
-- Works on Neovim 0.7 (Debian's) through current releases (vim.lsp.config on 0.11+).

local M = {}

M.defaults = {
  -- The server: `tadqiq lsp` on the PATH, unless told otherwise.
  cmd = { "tadqiq", "lsp" },
  filetypes = { "text", "markdown" },
  -- A workspace is the nearest folder with one of these, else the file's own folder.
  root_markers = { "tadqiq.toml", ".git" },
  -- Sent as initializationOptions and on configuration changes (see :help tadqiq-settings).
  settings = {
    rules = vim.empty_dict and vim.empty_dict() or {},
    debounceMs = 150,
    inlayHints = false,
  },
}

local islist = vim.islist or vim.tbl_islist -- renamed in 0.10

local function merge(base, over)
  local out = vim.deepcopy(base)
  for k, v in pairs(over or {}) do
    if type(v) == "table" and type(out[k]) == "table" and not islist(v) then
      out[k] = merge(out[k], v)
    else
      out[k] = v
    end
  end
  return out
end

-- The nearest ancestor of `path` holding a root marker (Neovim 0.7 has no vim.fs).
local function root_of(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(markers) do
    local file = vim.fn.findfile(marker, dir .. ";")
    if file ~= "" then
      return vim.fn.fnamemodify(file, ":p:h")
    end
    local folder = vim.fn.finddir(marker, dir .. ";")
    if folder ~= "" then
      return vim.fn.fnamemodify(folder, ":p:h:h")
    end
  end
  return dir
end

local clients = {} -- root → client id (Neovim < 0.11)

local function attach(opts, bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return
  end
  local root = root_of(name, opts.root_markers)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = "tadqiq",
      cmd = opts.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = opts.settings,
      -- The client sends these itself after `initialize` (workspace/didChangeConfiguration).
      settings = { tadqiq = opts.settings },
    })
    if id == nil then
      -- Scheduled: an error raised inside a FileType autocommand would abort the caller's command.
      vim.schedule(function()
        vim.notify("tadqiq: could not start " .. table.concat(opts.cmd, " "), vim.log.levels.WARN)
      end)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(user)
  local opts = merge(M.defaults, user)
  M.options = opts
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    vim.lsp.config("tadqiq", {
      cmd = opts.cmd,
      filetypes = opts.filetypes,
      root_markers = opts.root_markers,
      init_options = opts.settings,
      settings = { tadqiq = opts.settings },
    })
    vim.lsp.enable("tadqiq")
    return
  end
  local group = vim.api.nvim_create_augroup("tadqiq", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      attach(opts, args.buf)
    end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      attach(opts, bufnr)
    end
  end
end

return M
