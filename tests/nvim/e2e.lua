-- Headless end-to-end check in a real Neovim: open the sample's 002 with the plugin, wait for
-- the date-conflict, hover «قاسم الأعرجي», then take the quick fix that replaces the date with
-- another source's and check the line's text afterwards. Writes "ok" or the reason to
-- $TADQIQ_E2E_OUT.
local out = os.getenv("TADQIQ_E2E_OUT")
local function finish(result)
  local f = io.open(out, "w")
  f:write(result)
  f:close()
  vim.cmd("qall!")
end

vim.opt.runtimepath:append(os.getenv("TADQIQ_PLUGIN"))
require("tadqiq").setup({ cmd = { os.getenv("TADQIQ_BIN"), "lsp" }, settings = { debounceMs = 0 } })
local opened, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("TADQIQ_FILE")))
  if vim.bo.filetype ~= "text" then
    vim.bo.filetype = "text"
  end
end)
if not opened then
  finish("opening the article failed: " .. tostring(err))
  return
end

local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local client
vim.wait(5000, function()
  for _, c in ipairs(get_clients()) do
    if c.name == "tadqiq" and not c.is_stopped() then
      client = c
      return true
    end
  end
  return false
end, 50)
if client == nil then
  finish("no tadqiq client running")
  return
end

local found = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == "date-conflict" or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == "date-conflict") then
      return true
    end
  end
  return false
end, 100)
if not found then
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(seen, tostring(d.code))
  end
  finish("no date-conflict after 20 s; diagnostics: " .. table.concat(seen, ","))
  return
end

-- Hover where «قاسم الأعرجي» first stands.
local line_no, col
for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  local s = line:find("قاسم الأعرجي", 1, true)
  if s then
    line_no, col = i - 1, s - 1
    break
  end
end
-- The position in the encoding the client and server agreed on (UTF-16 on 0.7, UTF-8 later).
vim.api.nvim_win_set_cursor(0, { line_no + 1, col })
local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
local replies = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}
local hovered = false
for _, reply in pairs(replies) do
  local contents = reply.result and reply.result.contents
  local text = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)
  if text:find("قاسم الأعرجي", 1, true) then
    hovered = true
  end
end
if not hovered then
  finish("hover did not name قاسم الأعرجي: " .. vim.inspect(replies))
  return
end

-- The quick fix, as a user takes it: the cursor on the date, the code-action menu, the item
-- that uses another source's date. (Neovim 0.7 sends the diagnostics back with byte columns;
-- the fix once deleted other words from this line.)
local date = "كانون الثاني 1998"
local fix_line, fix_col
for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  local s = line:find(date, 1, true)
  if s then
    fix_line, fix_col = i, s - 1
    break
  end
end
local before = vim.api.nvim_buf_get_lines(0, fix_line - 1, fix_line, false)[1]
vim.api.nvim_win_set_cursor(0, { fix_line, fix_col })
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    local title = opts.format_item and opts.format_item(item) or item[2].title
    table.insert(offered, title)
    if title:find("«5 يناير 2020»", 1, true) then
      on_choice(item)
      return
    end
  end
  on_choice(nil)
end
vim.lsp.buf.code_action()
local expected = before:gsub(vim.pesc(date), "5 يناير 2020")
local applied = vim.wait(10000, function()
  return vim.api.nvim_buf_get_lines(0, fix_line - 1, fix_line, false)[1] ~= before
end, 50)
local after = vim.api.nvim_buf_get_lines(0, fix_line - 1, fix_line, false)[1]
if not applied then
  finish("the quick fix changed nothing; offered: " .. table.concat(offered, " | "))
elseif after ~= expected then
  finish("after the quick fix the line reads:\n" .. after .. "\nexpected:\n" .. expected)
else
  finish("ok")
end
