-- Headless end-to-end check in a real Neovim: open the sample's 002 with the plugin, wait for
-- the date-conflict, hover «قاسم الأعرجي». Writes "ok" or the reason to $TADQIQ_E2E_OUT.
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
for _, reply in pairs(replies) do
  local contents = reply.result and reply.result.contents
  local text = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)
  if text:find("قاسم الأعرجي", 1, true) then
    finish("ok")
    return
  end
end
finish("hover did not name قاسم الأعرجي: " .. vim.inspect(replies))
