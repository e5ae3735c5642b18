-- The plugin's floats, without a server. First what a reader sees of their text in a
-- 'rightleft' window of a terminal without bidi: the lines go through the plugin's bidi.lines
-- for a 'rightleft' window, as a float's do, Neovim draws them, and the screen is read back
-- cell by cell, left to right. Each picture below is what the Unicode Bidirectional Algorithm
-- gives (Arabic words letter by letter from the right, so reversed in cell order), with every
-- figure and file name reading forward; without the plugin's ordering 1998 would show as 8991.
-- Then the lines of the findings float built from a diagnostic as Neovim stores it. Writes
-- "ok" or the differences to $TADQIQ_E2E_OUT.
local out = os.getenv("TADQIQ_E2E_OUT")
vim.opt.runtimepath:append(os.getenv("TADQIQ_PLUGIN"))
local bidi = require("tadqiq.bidi")

vim.o.columns = 140
vim.o.lines = 12
local win = vim.api.nvim_get_current_win()

local function screen_row(row)
  local cells = {}
  for col = 1, vim.o.columns do
    table.insert(cells, vim.fn.screenstring(row, col))
  end
  return vim.trim(table.concat(cells))
end

local function shown(lines)
  vim.api.nvim_buf_set_lines(0, 0, -1, false, bidi.lines(lines, win))
  vim.cmd("redraw!")
  local rows = {}
  for row = 1, #lines do
    table.insert(rows, screen_row(row))
  end
  return rows
end

local failures = {}
local function expect(what, got, want)
  if got ~= want then
    table.insert(failures, what .. ":\n  got  " .. tostring(got) .. "\n  want " .. tostring(want))
  end
end

local cases = {
  -- A date inside Arabic: the year forward, the ISO month forward (not 01-1998).
  { "في «كانون الثاني 1998» (1998-01)", "(1998-01) «1998 يناثلا نوناك» يف" },
  -- A related place: the quote, the ISO date, the file name, each forward.
  {
    "  «5 يناير 2020» (2020-01-05) · 000_40f110f943424743.txt:27",
    "000_40f110f943424743.txt:27 · (2020-01-05) «2020 رياني 5»",
  },
  -- A range reads from the right, first figure first; a percentage, Arabic-Indic digits and
  -- their thousands separator as the algorithm lays them out.
  { "بين 3000–5000 جندي، أي 50% و٢٥٪ من ١٬٥٠٠", "١٬٥٠٠ نم ٪٢٥و %50 يأ ،يدنج 5000–3000 نيب" },
  -- Harakat stay on their letters.
  { "قُتِلَ 12 شخصاً", "اًصخش 12 لَتِقُ" },
  -- An English message quoting Arabic is a left-to-right line: the quote reads from the right,
  -- the rest forward.
  {
    "«كانون الثاني 1998» (1998-01) disagrees with 2 other sources: 2020-01-05 in 000_40f110f943424743.txt.",
    "«1998 يناثلا نوناك» (1998-01) disagrees with 2 other sources: 2020-01-05 in 000_40f110f943424743.txt.",
  },
  -- Isolates a server may send are obeyed and never drawn as <2066>.
  { "عدد \u{2066}2020-01-05\u{2069} هنا", "انه 2020-01-05 ددع" },
}

-- Plain letters on the screen, to compare with the pictures above.
vim.o.arabicshape = false
vim.wo[win].rightleft = true
local logical, pictures = {}, {}
for i, case in ipairs(cases) do
  logical[i], pictures[i] = case[1], case[2]
end
for i, row in ipairs(shown(logical)) do
  expect("rightleft, line " .. i, row, pictures[i])
end

-- Arabic shaping still sees each letter's true neighbours: «في» is an initial feh and a final
-- yeh (U+FED3, U+FEF2), drawn from the right.
vim.o.arabicshape = true
expect("shaped", shown({ "في 1998" })[1], "1998 \u{FEF2}\u{FED3}")
vim.o.arabicshape = false

-- A window that is not 'rightleft', or a terminal that orders text itself ('termbidi'), gets
-- the logical text, only without the controls Neovim cannot draw.
vim.wo[win].rightleft = false
expect("left to right", bidi.lines({ cases[6][1] }, win)[1], "عدد 2020-01-05 هنا")
vim.wo[win].rightleft = true
vim.o.termbidi = true
expect("termbidi", bidi.lines({ cases[2][1] }, win)[1], cases[2][1])
vim.o.termbidi = false

-- The findings float (<leader>e) from a diagnostic as Neovim's client stores it: the message
-- with its code, the rule's documentation link, then each other source's quote and place.
vim.wo[win].rightleft = false
local tadqiq = require("tadqiq")
local ns = vim.api.nvim_create_namespace("tadqiq-test")
vim.api.nvim_buf_set_lines(0, 0, -1, false, { "في 3 كانون الثاني 1998 وصل" })
vim.diagnostic.set(ns, 0, {
  {
    lnum = 0,
    col = 7,
    end_col = 35,
    severity = vim.diagnostic.severity.WARN,
    code = "date-conflict",
    message = "«3 كانون الثاني 1998» يخالف مصدرين",
    user_data = {
      lsp = {
        codeDescription = { href = "https://example.org/rules/date-conflict" },
        relatedInformation = {
          {
            message = "«5 يناير 2020» (2020-01-05)",
            location = {
              uri = "file:///news/001_wire.txt",
              range = { start = { line = 2, character = 4 }, ["end"] = { line = 2, character = 16 } },
            },
          },
        },
      },
    },
  },
})
vim.api.nvim_win_set_cursor(win, { 1, 10 })
tadqiq.diagnostics()
local float_lines
for _, w in ipairs(vim.api.nvim_list_wins()) do
  if vim.api.nvim_win_get_config(w).relative ~= "" then
    float_lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
    vim.api.nvim_win_close(w, true)
  end
end
expect("the findings float", table.concat(float_lines or {}, "\n"), table.concat({
  "«3 كانون الثاني 1998» يخالف مصدرين [date-conflict]",
  "  https://example.org/rules/date-conflict",
  "  «5 يناير 2020» (2020-01-05) · 001_wire.txt:3",
}, "\n"))

local f = io.open(out, "w")
f:write(#failures == 0 and "ok" or table.concat(failures, "\n"))
f:close()
vim.cmd("qall!")
