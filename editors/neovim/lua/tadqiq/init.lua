-- tadqiq for Neovim's built-in LSP client: dates and figures in Arabic news checked across
-- the sources in the workspace. `require("tadqiq").setup{}` with any of the options below.
-- Works on Neovim 0.7 (Debian's) through current releases (vim.lsp.config on 0.11+).

local bidi = require("tadqiq.bidi")

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
  -- Sent as `locale` in `initialize`, which Neovim's client leaves out; the server answers in
  -- Arabic where it is Arabic. nil: from the messages locale (|v:lang|, $LC_ALL, $LANG).
  locale = nil,
  -- Normal-mode keys set in each buffer the server attaches to, each only where no mapping of
  -- that key exists (yours or another plugin's, global or buffer-local). `false` leaves one
  -- alone; `keys = false` sets none. See :help tadqiq-keys.
  keys = {
    hover = "K",
    definition = "gd",
    references = "gr",
    code_action = "<leader>ca",
    diagnostic = "<leader>e",
  },
}

local islist = vim.islist or vim.tbl_islist -- renamed in 0.10
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients -- renamed in 0.10

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

--- The tadqiq clients, all or those attached to `bufnr`.
function M.clients(bufnr)
  local out = {}
  for _, client in ipairs(get_clients()) do
    if client.name == "tadqiq" and (bufnr == nil or (client.attached_buffers or {})[bufnr]) then
      table.insert(out, client)
    end
  end
  return out
end

local function attached_clients(bufnr)
  local out = {}
  for _, client in ipairs(get_clients()) do
    if (client.attached_buffers or {})[bufnr] then
      table.insert(out, client)
    end
  end
  return out
end

local function notify(message, level)
  vim.notify("tadqiq: " .. message, level or vim.log.levels.INFO)
end

--- The LSP locale (a BCP 47 tag: "ar-EG") for a POSIX one ("ar_EG.UTF-8"); nil for C and POSIX.
function M.locale_of(lang)
  if type(lang) ~= "string" then
    return nil
  end
  local name = lang:gsub("[.@].*$", "")
  local language, region = name:match("^(%a%a%a?)_?(%a*)$")
  if language == nil or name == "POSIX" then
    return nil
  end
  return region ~= "" and (language:lower() .. "-" .. region:upper()) or language:lower()
end

local function locale(opts)
  return opts.locale
    or M.locale_of(vim.v.lang)
    or M.locale_of(os.getenv("LC_ALL"))
    or M.locale_of(os.getenv("LC_MESSAGES"))
    or M.locale_of(os.getenv("LANG"))
end

-- Floats --------------------------------------------------------------------------------------

-- Opens `lines` in a float beside the cursor of `win`, written for how that window shows text
-- (see bidi.lua): a 'rightleft' window gets a 'rightleft' float whose figures read forward.
local function float(lines, syntax, focus_id, win)
  local mirrored = bidi.mirrored(win)
  if mirrored and syntax == "markdown" then
    -- Markdown's markers would be reordered with the text; the float shows it plain.
    local plain = {}
    for _, line in ipairs(lines) do
      if not line:match("^%s*```") then
        table.insert(plain, (line:gsub("%*%*", ""):gsub("__", ""):gsub("`", "")))
      end
    end
    lines, syntax = plain, "plaintext"
  end
  local buf, fwin = vim.lsp.util.open_floating_preview(bidi.lines(lines, win), syntax, { focus_id = focus_id })
  vim.wo[fwin].rightleft = vim.wo[win].rightleft
  return buf, fwin
end

local function position_params(win)
  if vim.fn.has("nvim-0.11") == 1 then
    -- Each client gets positions in the encoding it agreed on.
    return function(client)
      return vim.lsp.util.make_position_params(win, client.offset_encoding)
    end
  end
  return vim.lsp.util.make_position_params(win)
end

local function trim(lines)
  local first, last = 1, #lines
  while first <= last and lines[first]:match("^%s*$") do
    first = first + 1
  end
  while last >= first and lines[last]:match("^%s*$") do
    last = last - 1
  end
  return vim.list_slice(lines, first, last)
end

--- Hover (`K`): what the servers attached to the buffer say about the word under the cursor,
--- in a float written for the window (figures forward in a 'rightleft' window).
function M.hover()
  local win = vim.api.nvim_get_current_win()
  local bufnr = vim.api.nvim_get_current_buf()
  if #attached_clients(bufnr) == 0 then
    notify("no language server is attached to this buffer (:checkhealth tadqiq)", vim.log.levels.WARN)
    return
  end
  vim.lsp.buf_request_all(bufnr, "textDocument/hover", position_params(win), function(results)
    if vim.api.nvim_get_current_win() ~= win then
      return -- the user has moved on
    end
    local lines = {}
    for _, reply in pairs(results or {}) do
      local contents = reply.result and reply.result.contents
      if contents ~= nil then
        local part = trim(vim.lsp.util.convert_input_to_markdown_lines(contents))
        if #part > 0 then
          if #lines > 0 then
            table.insert(lines, "---")
          end
          vim.list_extend(lines, part)
        end
      end
    end
    if #lines == 0 then
      notify("nothing to say here")
      return
    end
    float(lines, "markdown", "tadqiq-hover", win)
  end)
end

local severity_hl = {
  [1] = "DiagnosticFloatingError",
  [2] = "DiagnosticFloatingWarn",
  [3] = "DiagnosticFloatingInfo",
  [4] = "DiagnosticFloatingHint",
}

-- The places a float's lines point to, by float buffer: jumps for <CR>.
local places = {}

local function client_of(diagnostic, bufnr)
  for _, client in ipairs(attached_clients(bufnr)) do
    local ok, ns = pcall(vim.lsp.diagnostic.get_namespace, client.id)
    if ok and ns == diagnostic.namespace then
      return client
    end
  end
  return M.clients(bufnr)[1]
end

local function jump(buf)
  local entry = places[buf]
  local place = entry and entry.places[vim.api.nvim_win_get_cursor(0)[1]]
  if place == nil then
    return
  end
  vim.api.nvim_win_close(0, true)
  if vim.api.nvim_win_is_valid(entry.win) then
    vim.api.nvim_set_current_win(entry.win)
  end
  if vim.lsp.util.show_document then
    vim.lsp.util.show_document(place.location, place.encoding, { focus = true })
  else
    vim.lsp.util.jump_to_location(place.location, place.encoding)
  end
end

--- The findings at the cursor (those under it, else those on its line) with the places in
--- the other sources each one points to — Neovim's own float leaves `relatedInformation` out.
--- Each place is the other source's quote and its file; <CR> on it, inside the float (press
--- the key again to enter), opens it.
function M.diagnostics()
  local win = vim.api.nvim_get_current_win()
  local bufnr = vim.api.nvim_win_get_buf(win)
  local cursor = vim.api.nvim_win_get_cursor(win)
  local lnum, col = cursor[1] - 1, cursor[2]
  local on_line = vim.diagnostic.get(bufnr, { lnum = lnum })
  local under = {}
  for _, d in ipairs(on_line) do
    local starts = d.lnum < lnum or d.col <= col
    local ends = (d.end_lnum or d.lnum) > lnum or (d.end_col or d.col) > col
    if starts and ends then
      table.insert(under, d)
    end
  end
  local shown = #under > 0 and under or on_line
  if #shown == 0 then
    notify("no findings on this line")
    return
  end
  table.sort(shown, function(a, b)
    return a.severity < b.severity
  end)
  local lines, targets, heads = {}, {}, {}
  for _, d in ipairs(shown) do
    -- The code last: a Latin word first would make an Arabic message a left-to-right line.
    local message = vim.split(d.message, "\n")
    if d.code ~= nil then
      message[#message] = message[#message] .. " [" .. tostring(d.code) .. "]"
    end
    for _, line in ipairs(message) do
      table.insert(lines, line)
      heads[#lines] = severity_hl[d.severity]
    end
    local lsp = d.user_data and d.user_data.lsp or {}
    -- The rule's documentation, where the server links one.
    local href = type(lsp.codeDescription) == "table" and lsp.codeDescription.href or nil
    if type(href) == "string" then
      table.insert(lines, "  " .. href)
    end
    local client = client_of(d, bufnr)
    for _, info in ipairs(lsp.relatedInformation or {}) do
      local location = info.location
      local file = vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ":t")
      -- The other source's quote first, then where it stands.
      table.insert(lines, "  " .. info.message .. " · " .. file .. ":" .. (location.range.start.line + 1))
      targets[#lines] = { location = location, encoding = client and client.offset_encoding or "utf-16" }
    end
  end
  local buf = float(lines, "plaintext", "tadqiq-diagnostics", win)
  if places[buf] == nil then
    -- A new float (pressing the key again focuses the open one instead).
    places[buf] = { places = targets, win = win }
    local ns = vim.api.nvim_create_namespace("tadqiq-float")
    for line, group in pairs(heads) do
      vim.api.nvim_buf_add_highlight(buf, ns, group, line - 1, 0, -1)
    end
    vim.keymap.set("n", "<CR>", function()
      jump(buf)
    end, { buffer = buf, nowait = true, desc = "tadqiq: open this place" })
    vim.api.nvim_create_autocmd("BufWipeout", {
      buffer = buf,
      once = true,
      callback = function()
        places[buf] = nil
      end,
    })
  end
end

-- Keys ----------------------------------------------------------------------------------------

local actions = {
  hover = { M.hover, "hover" },
  definition = {
    function()
      vim.lsp.buf.definition()
    end,
    "go to definition",
  },
  references = {
    function()
      vim.lsp.buf.references()
    end,
    "references",
  },
  code_action = {
    function()
      vim.lsp.buf.code_action()
    end,
    "code actions",
  },
  diagnostic = { M.diagnostics, "findings here, with the other sources" },
}
M.key_order = { "hover", "definition", "references", "code_action", "diagnostic" }

-- Who holds `lhs` in the current buffer: "tadqiq", "user" (anyone else), or nil.
local function holder(lhs)
  local map = vim.fn.maparg(lhs, "n", false, true)
  if type(map) ~= "table" or map.lhs == nil then
    return nil
  end
  if type(map.desc) == "string" and map.desc:sub(1, 7) == "tadqiq:" then
    return "tadqiq"
  end
  -- Neovim 0.10+ maps `K` to plain hover in every buffer a server attaches to; that is not a
  -- choice of the user's, and ours is the same hover, written for 'rightleft' windows.
  if map.desc == "vim.lsp.buf.hover()" or (map.callback ~= nil and map.callback == vim.lsp.buf.hover) then
    return nil
  end
  return "user"
end
M.holder = holder

local function set_keys(bufnr)
  local keys = (M.options or M.defaults).keys
  if type(keys) ~= "table" then
    return
  end
  vim.api.nvim_buf_call(bufnr, function()
    for _, name in ipairs(M.key_order) do
      local lhs = keys[name]
      if type(lhs) == "string" and lhs ~= "" and holder(lhs) == nil then
        local action = actions[name]
        vim.keymap.set("n", lhs, action[1], { buffer = bufnr, silent = true, desc = "tadqiq: " .. action[2] })
      end
    end
  end)
end

local function on_attach(_, bufnr)
  set_keys(bufnr)
end

-- Starting ------------------------------------------------------------------------------------

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
      before_init = function(params)
        params.locale = params.locale or locale(opts)
      end,
      on_attach = on_attach,
    })
    if id == nil then
      -- Scheduled: an error raised inside a FileType autocommand would abort the caller's command.
      vim.schedule(function()
        notify("could not start " .. table.concat(opts.cmd, " ") .. " (:checkhealth tadqiq)", vim.log.levels.WARN)
      end)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

-- Writes the story report (timeline, figures, entities, findings) for the workspace of the
-- current buffer's server and opens it: the server's `tadqiq.report` command returns the page's
-- path.
function M.report()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = attached_clients(bufnr)[1]
  if client == nil then
    notify("tadqiq: no server attached to this buffer", vim.log.levels.WARN)
    return
  end
  local lang = (locale(M.options or M.defaults) or ""):sub(1, 2) == "ar" and "ar" or "en"
  local params = { command = "tadqiq.report", arguments = { { lang = lang } } }
  client.request("workspace/executeCommand", params, function(err, path)
    if err or type(path) ~= "string" then
      notify("tadqiq: the report was not written: " .. (err and err.message or "no path"), vim.log.levels.ERROR)
      return
    end
    M.last_report = path
    notify("tadqiq: report written to " .. path, vim.log.levels.INFO)
    local open = vim.ui.open or function(p)
      local opener = vim.fn.has("mac") == 1 and "open" or "xdg-open"
      if vim.fn.executable(opener) == 1 then
        vim.fn.jobstart({ opener, p }, { detach = true })
      end
    end
    pcall(open, path)
  end, bufnr)
end

function M.setup(user)
  local opts = merge(M.defaults, user)
  M.options = opts
  vim.api.nvim_create_user_command("TadqiqReport", function()
    M.report()
  end, { desc = "tadqiq: write the story report for this workspace and open it" })
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil then
    vim.lsp.config("tadqiq", {
      cmd = opts.cmd,
      filetypes = opts.filetypes,
      root_markers = opts.root_markers,
      init_options = opts.settings,
      settings = { tadqiq = opts.settings },
      before_init = function(params)
        params.locale = params.locale or locale(opts)
      end,
      on_attach = on_attach,
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
