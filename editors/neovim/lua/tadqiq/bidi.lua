-- Arabic and figures in floats that terminal Neovim can show.
--
-- Neovim has no bidirectional algorithm: it draws a line's characters in the order they are
-- stored, left to right, or mirrored cell by cell in a 'rightleft' window. In a 'rightleft'
-- window Arabic therefore reads right, but every run written left to right is reversed too:
-- «1998» shows as 8991, «2020-01-05» as 50-10-0202 — fatal in a tool about dates and figures.
-- Unicode's isolates (U+2066..U+2069) would fix that in a browser or VS Code, but Neovim shows
-- them as `<2066>`, six cells of noise, and mirroring cells ignores them anyway.
--
-- So the plugin orders the text itself, the way the Unicode Bidirectional Algorithm (UAX #9)
-- would, and hands Neovim the result: for a 'rightleft' window each line is written so that
-- Neovim's mirroring yields the algorithm's picture — Arabic in its own order (so Neovim's
-- Arabic shaping still sees each letter's true neighbours), each run of digits, ISO dates and
-- Latin file names reversed once (so the mirror puts it back), brackets and guillemets
-- swapped where they stand in right-to-left text. A terminal that does the algorithm itself
-- ('termbidi') gets the text in its logical order. Either way no control character is shown.
--
-- This is the part of UAX #9 that one line of news text needs: paragraph direction from the
-- first strong letter (P2, P3), the weak-type rules W1–W7 (digits after Arabic letters,
-- separators inside numbers, % and currency signs beside them), neutrals N1–N2, levels I1–I2,
-- trailing spaces L1, reordering L2 and mirroring L4. Explicit embeddings, overrides and
-- isolates are dropped (X9), their contents ordered as ordinary text.

local M = {}

-- Invisible formatting characters Neovim would print as `<200f>` and the like: marks,
-- embeddings, overrides, isolates, zero-width joiners and the byte-order mark.
local function invisible(cp)
  return (cp >= 0x200B and cp <= 0x200F)
    or (cp >= 0x202A and cp <= 0x202E)
    or (cp >= 0x2060 and cp <= 0x2069)
    or cp == 0xFEFF
    or cp == 0x061C
end

-- The bidirectional class (UAX #9, table 4) of the characters news text uses: Arabic script,
-- Latin, digits of both kinds, punctuation. Anything else counts as a left-to-right letter.
local function class(cp)
  if cp < 0x80 then
    if cp >= 0x30 and cp <= 0x39 then
      return "EN"
    elseif (cp >= 0x41 and cp <= 0x5A) or (cp >= 0x61 and cp <= 0x7A) then
      return "L"
    elseif cp == 0x20 or cp == 0x09 then
      return "WS"
    elseif cp == 0x2B or cp == 0x2D then
      return "ES"
    elseif cp >= 0x23 and cp <= 0x25 then -- # $ %
      return "ET"
    elseif cp == 0x2C or cp == 0x2E or cp == 0x2F or cp == 0x3A then -- , . / :
      return "CS"
    end
    return "ON"
  end
  if cp == 0x200E then
    return "L" -- LEFT-TO-RIGHT MARK
  elseif cp == 0x200F then
    return "R" -- RIGHT-TO-LEFT MARK
  elseif cp == 0x061C then
    return "AL" -- ARABIC LETTER MARK
  elseif (cp >= 0x0660 and cp <= 0x0669) or cp == 0x066B or cp == 0x066C or (cp >= 0x0600 and cp <= 0x0605) then
    return "AN" -- Arabic-Indic digits, the Arabic decimal and thousands separators
  elseif (cp >= 0x06F0 and cp <= 0x06F9) or cp == 0xB2 or cp == 0xB3 or cp == 0xB9 then
    return "EN" -- Extended Arabic-Indic (Persian, Urdu) digits count as European ones
  elseif cp == 0x060C or cp == 0xA0 or cp == 0x202F then
    return "CS" -- ARABIC COMMA, no-break spaces
  elseif cp == 0x066A or cp == 0xB0 or cp == 0xB1 or (cp >= 0xA2 and cp <= 0xA5) or (cp >= 0x2030 and cp <= 0x2034) or (cp >= 0x20A0 and cp <= 0x20CF) then
    return "ET" -- ٪ ° ± currency and per-mille signs
  elseif cp == 0x2212 then
    return "ES"
  elseif (cp >= 0x0300 and cp <= 0x036F)
    or (cp >= 0x0610 and cp <= 0x061A)
    or (cp >= 0x064B and cp <= 0x065F)
    or cp == 0x0670
    or (cp >= 0x06D6 and cp <= 0x06DC)
    or (cp >= 0x06DF and cp <= 0x06E4)
    or cp == 0x06E7
    or cp == 0x06E8
    or (cp >= 0x06EA and cp <= 0x06ED)
    or (cp >= 0xFE00 and cp <= 0xFE0F)
  then
    return "NSM" -- harakat and other marks ride on the letter before them
  elseif (cp >= 0x0600 and cp <= 0x07BF) or (cp >= 0x0860 and cp <= 0x08FF) or (cp >= 0xFB50 and cp <= 0xFDFF) or (cp >= 0xFE70 and cp <= 0xFEFC) then
    return "AL" -- Arabic, Syriac, Thaana letters and the presentation forms
  elseif (cp >= 0x0590 and cp <= 0x05FF) or (cp >= 0x07C0 and cp <= 0x085F) or (cp >= 0xFB1D and cp <= 0xFB4F) then
    return "R" -- Hebrew, N'Ko, Samaritan, Mandaic
  elseif cp == 0xAA or cp == 0xB5 or cp == 0xBA or (cp >= 0xC0 and cp <= 0x24F and cp ~= 0xD7 and cp ~= 0xF7) or (cp >= 0x0370 and cp <= 0x052F) then
    return "L" -- Latin, Greek, Cyrillic letters
  elseif cp <= 0xBF or (cp >= 0x2000 and cp <= 0x2BFF) or (cp >= 0x3000 and cp <= 0x303F) or (cp >= 0xFE10 and cp <= 0xFE6F) or (cp >= 0xFF01 and cp <= 0xFF20) then
    if cp == 0x2000 or (cp >= 0x2001 and cp <= 0x200A) or cp == 0x3000 then
      return "WS"
    end
    return "ON" -- punctuation, dashes, quotes, arrows, symbols
  end
  return "L"
end

-- Characters whose glyph is mirrored in right-to-left text (UAX #9 L4), as Neovim will not.
local mirror = {
  [0x28] = 0x29, [0x29] = 0x28, [0x5B] = 0x5D, [0x5D] = 0x5B, [0x7B] = 0x7D, [0x7D] = 0x7B,
  [0x3C] = 0x3E, [0x3E] = 0x3C, [0xAB] = 0xBB, [0xBB] = 0xAB, [0x2039] = 0x203A, [0x203A] = 0x2039,
}

-- The line as clusters: a base character and the marks that ride on it, which must stay after
-- it whatever is reversed. Invisible formatting characters are kept for what they do (a mark
-- still steers the order, an isolate still isolates) but flagged, and never written.
local function clusters(line)
  local out = {}
  for _, cp in ipairs(vim.fn.str2list(line, true)) do
    local c = class(cp)
    local last = out[#out]
    if c == "NSM" and last ~= nil and not last.hidden then
      table.insert(last.cps, cp)
    else
      local hidden = invisible(cp)
      if hidden and c ~= "L" and c ~= "R" and c ~= "AL" then
        c = "BN"
      end
      table.insert(out, { cps = { cp }, type = c == "NSM" and "ON" or c, hidden = hidden })
    end
  end
  return out
end

local LRI, RLI, FSI, PDI = 0x2066, 0x2067, 0x2068, 0x2069

local function strong(t)
  return t == "L" or t == "R" or t == "AL"
end

-- P2, P3: the first strong letter outside isolates sets a paragraph's direction; none, left
-- to right.
local function direction(types)
  for _, t in ipairs(types) do
    if strong(t) then
      return t == "L" and 0 or 1
    end
  end
  return 0
end

-- A line's direction, from the script most of its letters are in (a tie: the first letter's).
-- Not P2 on its own: tadqiq's messages open with the Arabic they quote, in either language,
-- and «كانون الثاني 1998» (1998-01) disagrees with … is an English sentence.
local function line_direction(types)
  local ltr, rtl = 0, 0
  for _, t in ipairs(types) do
    if t == "L" then
      ltr = ltr + 1
    elseif t == "R" or t == "AL" then
      rtl = rtl + 1
    end
  end
  if ltr == rtl then
    return direction(types)
  end
  return ltr > rtl and 0 or 1
end

-- The weak and neutral rules and the levels (W1–W7, N1–N2, I1–I2) of one isolating run:
-- `types` without the dropped controls, each isolate already one neutral.
local function levels_of(t, para)
  local n = #t
  local e = para == 1 and "R" or "L"
  -- W2: European digits after Arabic letters are Arabic numbers. W3: Arabic letters are R.
  local last = e
  for k = 1, n do
    if t[k] == "EN" and last == "AL" then
      t[k] = "AN"
    end
    if strong(t[k]) then
      last = t[k]
    end
  end
  for k = 1, n do
    if t[k] == "AL" then
      t[k] = "R"
    end
  end
  -- W4: one separator between two numbers of a kind joins them: 10:30, 1,500.
  for k = 2, n - 1 do
    if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN" then
      t[k] = "EN"
    elseif t[k] == "CS" and (t[k - 1] == "EN" or t[k - 1] == "AN") and t[k + 1] == t[k - 1] then
      t[k] = t[k - 1]
    end
  end
  -- W5: %, currency and degree signs beside European digits belong to the number.
  local k = 1
  while k <= n do
    if t[k] == "ET" then
      local j = k
      while j <= n and t[j] == "ET" do
        j = j + 1
      end
      if (k > 1 and t[k - 1] == "EN") or (j <= n and t[j] == "EN") then
        for m = k, j - 1 do
          t[m] = "EN"
        end
      end
      k = j
    else
      k = k + 1
    end
  end
  -- W6: the separators and signs left over are neutral.
  for m = 1, n do
    if t[m] == "ES" or t[m] == "ET" or t[m] == "CS" then
      t[m] = "ON"
    end
  end
  -- W7: European digits in left-to-right text are left-to-right text.
  last = e
  for m = 1, n do
    if t[m] == "EN" and last == "L" then
      t[m] = "L"
    end
    if t[m] == "L" or t[m] == "R" then
      last = t[m]
    end
  end
  -- N1, N2: spaces and punctuation take the direction around them when both sides agree
  -- (numbers count as right-to-left there), else the paragraph's.
  local function side(x)
    if x == "L" then
      return "L"
    elseif x == "R" or x == "EN" or x == "AN" then
      return "R"
    end
  end
  k = 1
  while k <= n do
    if t[k] == "ON" or t[k] == "WS" then
      local j = k
      while j <= n and (t[j] == "ON" or t[j] == "WS") do
        j = j + 1
      end
      local before = k > 1 and side(t[k - 1]) or e
      local after = j <= n and side(t[j]) or e
      local dir = before == after and before or e
      for m = k, j - 1 do
        t[m] = dir
      end
      k = j
    else
      k = k + 1
    end
  end
  -- I1, I2.
  local lv = {}
  for m = 1, n do
    if para == 0 then
      lv[m] = t[m] == "R" and 1 or ((t[m] == "EN" or t[m] == "AN") and 2 or 0)
    else
      lv[m] = t[m] == "R" and 1 or 2
    end
  end
  return lv
end

-- Levels for the clusters `ids` (indices into `cs`) as one paragraph of direction `para`
-- (nil: the line's, from its letters) shifted by `base`; isolates inside are resolved the same way, one level
-- pair up, and count as one neutral outside (UAX #9 X5a–X5c, BD13).
local function resolve(cs, ids, para, base, levels)
  local units = {}
  local k = 1
  while k <= #ids do
    local c = cs[ids[k]]
    local cp = c.cps[1]
    if c.hidden and (cp == LRI or cp == RLI or cp == FSI) then
      local depth, j = 1, k + 1
      while j <= #ids do
        local q = cs[ids[j]]
        if q.hidden and (q.cps[1] == LRI or q.cps[1] == RLI or q.cps[1] == FSI) then
          depth = depth + 1
        elseif q.hidden and q.cps[1] == PDI then
          depth = depth - 1
          if depth == 0 then
            break
          end
        end
        j = j + 1
      end
      local inner = {}
      for m = k + 1, math.min(j, #ids + 1) - 1 do
        table.insert(inner, ids[m])
      end
      local dir = cp == LRI and 0 or (cp == RLI and 1 or nil)
      table.insert(units, { type = "ON", ids = { ids[k], ids[j] }, inner = inner, dir = dir })
      k = j + 1
    elseif c.type == "BN" then
      k = k + 1 -- dropped (X9); takes a neighbour's level below
    else
      table.insert(units, { type = c.type, ids = { ids[k] } })
      k = k + 1
    end
  end
  local types = {}
  for m, u in ipairs(units) do
    types[m] = u.type
  end
  if para == nil then
    para = line_direction(types)
  end
  local lv = levels_of(types, para)
  -- L1: spaces at the end of the line return to the paragraph's level.
  for m = #units, 1, -1 do
    if units[m].type ~= "WS" then
      break
    end
    lv[m] = para
  end
  for m, u in ipairs(units) do
    for _, i in ipairs(u.ids) do
      levels[i] = base + lv[m]
    end
    if u.inner then
      -- The least even (LRI) or odd (RLI) level above the paragraph's.
      local dir = u.dir
      if dir == nil then
        local inner_types = {}
        for _, i in ipairs(u.inner) do
          table.insert(inner_types, cs[i].type)
        end
        dir = direction(inner_types)
      end
      local above = dir == 0 and (para + 2 - para % 2) or (para + 1 + para % 2)
      resolve(cs, u.inner, dir, base + above - dir, levels)
    end
  end
  return para
end

local function resolve_line(cs)
  local ids, levels = {}, {}
  for i = 1, #cs do
    ids[i] = i
  end
  local para = resolve(cs, ids, nil, 0, levels)
  for i = 1, #cs do
    levels[i] = levels[i] or levels[i - 1] or para
  end
  return levels, para
end

-- Reverses every run at `lowest` level or above, the deepest first (UAX #9 L2).
local function reorder(cs, levels, lowest)
  local top = lowest
  for _, l in ipairs(levels) do
    top = math.max(top, l)
  end
  local order = {}
  for i = 1, #cs do
    order[i] = i
  end
  for level = top, lowest, -1 do
    local i = 1
    while i <= #order do
      if levels[order[i]] >= level then
        local j = i
        while j + 1 <= #order and levels[order[j + 1]] >= level do
          j = j + 1
        end
        while i < j do
          order[i], order[j] = order[j], order[i]
          i, j = i + 1, j - 1
        end
        while i <= #order and levels[order[i]] >= level do
          i = i + 1
        end
      else
        i = i + 1
      end
    end
  end
  return order
end

local function write(cs, order, levels)
  local cps = {}
  for _, i in ipairs(order) do
    local c = cs[i]
    if not c.hidden then
      for n, cp in ipairs(c.cps) do
        if n == 1 and levels[i] % 2 == 1 and mirror[cp] then
          cp = mirror[cp]
        end
        table.insert(cps, cp)
      end
    end
  end
  return vim.fn.list2str(cps, true)
end

local function digit(cp)
  return (cp >= 0x30 and cp <= 0x39) or (cp >= 0x0660 and cp <= 0x0669) or (cp >= 0x06F0 and cp <= 0x06F9)
end

-- Inside a figure: - / : . , and the Arabic decimal and thousands separators, one at a time.
local function joiner(cp)
  return cp == 0x2D or cp == 0x2F or cp == 0x3A or cp == 0x2E or cp == 0x2C or cp == 0x066B or cp == 0x066C
end

local function fileish(cp)
  return (cp >= 0x30 and cp <= 0x39) or (cp >= 0x41 and cp <= 0x5A) or (cp >= 0x61 and cp <= 0x7A)
    or cp == 0x5F or cp == 0x2D or cp == 0x2E or cp == 0x2F or cp == 0x3A
end

--- The line with left-to-right isolates (LRI … PDI) around what must read forward whatever
--- stands beside it: a figure of several parts after Arabic words («2020-01-05», «١٬٥٠٠»,
--- «10:30»), which the algorithm would otherwise lay out part by part (its rule W2 makes the
--- digits Arabic numbers there, and a hyphen between those does not join them), and a file
--- name («004_35fa46199fc7dcf7.txt:10»), whose underscores and dots would otherwise split it.
--- Either in Latin text already reads forward with its sentence, and is left alone. The isolates steer
--- `for_rightleft` and are never drawn.
function M.isolate(line)
  local cps = vim.fn.str2list(line, true)
  local out = {}
  local last_strong = nil
  local i, n = 1, #cps
  while i <= n do
    local cp = cps[i]
    -- A file name: a run of ASCII letters, digits and _ - . / : with a dot before a letter.
    local j = i
    while j <= n and fileish(cps[j]) do
      j = j + 1
    end
    local named = false
    for m = i + 1, j - 2 do
      if cps[m] == 0x2E and class(cps[m + 1]) == "L" and class(cps[m - 1]) ~= "ON" then
        named = true
      end
    end
    local prev = out[#out]
    if named and last_strong ~= "L" and (prev == nil or not fileish(prev)) then
      -- Trailing punctuation ends the sentence, not the name.
      while j - 1 > i and (cps[j - 1] == 0x2E or cps[j - 1] == 0x3A or cps[j - 1] == 0x2C) do
        j = j - 1
      end
      table.insert(out, LRI)
      for m = i, j - 1 do
        table.insert(out, cps[m])
      end
      table.insert(out, PDI)
      last_strong = "L"
      i = j
    elseif digit(cp) then
      local k, parts = i, 0
      while k <= n and digit(cps[k]) do
        k = k + 1
      end
      while k + 1 <= n and joiner(cps[k]) and digit(cps[k + 1]) do
        k = k + 1
        while k <= n and digit(cps[k]) do
          k = k + 1
        end
        parts = parts + 1
      end
      local wrap = parts > 0 and last_strong ~= nil and last_strong ~= "L"
      if wrap then
        table.insert(out, LRI)
      end
      for m = i, k - 1 do
        table.insert(out, cps[m])
      end
      if wrap then
        table.insert(out, PDI)
      end
      i = k
    else
      local c = class(cp)
      if strong(c) then
        last_strong = c
      end
      table.insert(out, cp)
      i = i + 1
    end
  end
  return vim.fn.list2str(out, true)
end

--- The line in its logical order without the formatting characters Neovim cannot draw.
function M.clean(line)
  if not line:find("[\226\216\239]") then -- no byte that can start one of them: E2, D8, EF
    return line
  end
  local cps = {}
  for _, cp in ipairs(vim.fn.str2list(line, true)) do
    if not invisible(cp) then
      table.insert(cps, cp)
    end
  end
  return vim.fn.list2str(cps, true)
end

--- The line with every run at level `lowest` or above reversed (UAX #9 L2).
local function ordered(line, lowest)
  local cs = clusters(line)
  if #cs == 0 then
    return line
  end
  local levels = resolve_line(cs)
  return write(cs, reorder(cs, levels, lowest), levels)
end

--- The line written for a 'rightleft' window: what Neovim mirrors into the picture UAX #9
--- gives, figures reading forward.
function M.for_rightleft(line)
  return ordered(line, 0)
end

--- The line in visual order, left to right, as a bidirectional display shows it (for tests
--- and for reading a 'rightleft' window's screen back).
function M.visual(line)
  return ordered(line, 1)
end

--- Whether floats shown from `win` must be written for a mirrored window: the window is
--- 'rightleft' and the terminal does not order text itself.
function M.mirrored(win)
  return vim.wo[win].rightleft and not vim.o.termbidi
end

--- Lines for a float shown from `win`.
function M.lines(lines, win)
  local mirrored = M.mirrored(win)
  local out = {}
  for i, line in ipairs(lines) do
    out[i] = mirrored and M.for_rightleft(M.isolate(line)) or M.clean(line)
  end
  return out
end

return M
