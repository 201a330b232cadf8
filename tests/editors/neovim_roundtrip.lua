-- Run by tests/editors/neovim.sh in `nvim --headless -u NONE` with plugin/nvim on the
-- runtimepath. Exits 0 when every step passes, 1 with a message on stderr otherwise.
local translint_binary = assert(os.getenv('TRANSLINT'), 'TRANSLINT is not set')
local article = assert(os.getenv('ARTICLE'), 'ARTICLE is not set')
local word_list = assert(os.getenv('WORD_LIST'), 'WORD_LIST is not set')

local function say(message)
  io.stderr:write('neovim: ' .. message .. '\n')
end

local function fail(message)
  say('FAIL: ' .. message)
  vim.cmd('cquit 1')
end

-- Sanitizer builds run several times slower (ci/sanitize sets the scale): waits grow with it.
local scale = tonumber(os.getenv('TRANSLINT_TEST_TIMEOUT_SCALE')) or 1

local function wait_for(what, test, seconds)
  if not vim.wait((seconds or 15) * 1000 * scale, test, 20) then
    error('timed out waiting for ' .. what, 0)
  end
end

local function translint_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'translint' then
      return client
    end
  end
end

local function findings(bufnr, code, lnum)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
    if d.source == 'translint' and (code == nil or d.code == code) then
      table.insert(found, d)
    end
  end
  return found
end

local function line(bufnr, lnum)
  return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1]
end

-- The text a diagnostic covers, by Neovim's byte columns.
local function covered(bufnr, d)
  if (d.end_lnum or d.lnum) ~= d.lnum then
    return nil
  end
  return line(bufnr, d.lnum):sub(d.col + 1, d.end_col)
end

local function run()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  require('translint').setup({ cmd = { translint_binary, 'lsp' }, init_options = { debounceMs = 50 } })
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'text' then
    error("the article's filetype is '" .. vim.bo[bufnr].filetype .. "', not 'text'", 0)
  end
  wait_for('the plugin to start translint', function()
    return translint_client(bufnr) ~= nil
  end)
  local client = translint_client(bufnr)

  -- "Ilon" on the first line: the server's UTF-16 columns, Neovim's byte columns.
  wait_for('the diagnostics of the article', function()
    return #findings(bufnr, 'it.names.garbled', 0) > 0 and #findings(bufnr, 'it.names.garbled', 2) > 0
  end)
  local ilon = findings(bufnr, 'it.names.garbled', 0)
  if #ilon ~= 1 then
    error(#ilon .. ' it.names.garbled findings on line 1, not 1', 0)
  end
  ilon = ilon[1]
  if covered(bufnr, ilon) ~= 'Ilon' then
    error(string.format("the finding covers '%s' (bytes %d-%d), not 'Ilon'", tostring(covered(bufnr, ilon)), ilon.col, ilon.end_col), 0)
  end
  local range = ilon.user_data.lsp.data.range
  if client.offset_encoding ~= 'utf-16' or range.start.character ~= 16 or ilon.col ~= 18 then
    error(string.format('expected UTF-16 column 16 (byte 18) with utf-16; got %s column %s (byte %d)',
      tostring(client.offset_encoding), tostring(range.start.character), ilon.col), 0)
  end
  if not ilon.message:find('Elon', 1, true) then
    error('the message does not mention Elon: ' .. ilon.message, 0)
  end
  if ilon.severity ~= vim.diagnostic.severity.ERROR then
    error('the severity is ' .. tostring(ilon.severity) .. ', not ERROR', 0)
  end
  say('diagnostic: ' .. ilon.message)

  -- :TranslintFix at "Ilon" puts the preferred suggestion in place, and the re-check drops it.
  vim.api.nvim_win_set_cursor(0, { ilon.lnum + 1, ilon.col + 1 })
  vim.cmd('TranslintFix')
  local fixed = 'Già a gennaio, «Elon Musk» ha parlato con i giornalisti.'
  wait_for(':TranslintFix to edit the buffer', function()
    return line(bufnr, 0) ~= 'Già a gennaio, «Ilon Musk» ha parlato con i giornalisti.'
  end)
  if line(bufnr, 0) ~= fixed then
    error("after :TranslintFix the line reads '" .. line(bufnr, 0) .. "'", 0)
  end
  wait_for('the re-check to drop the finding on "Ilon"', function()
    return #findings(bufnr, 'it.names.garbled', 0) == 0
  end)
  if #findings(bufnr, 'it.names.garbled', 2) ~= 1 then
    error('after the fix the finding on "Makron" is gone too', 0)
  end
  say('fixed: ' .. line(bufnr, 0))

  -- Hover over "Makron" explains the rule.
  local makron = findings(bufnr, 'it.names.garbled', 2)[1]
  if covered(bufnr, makron) ~= 'Makron' then
    error("the second finding covers '" .. tostring(covered(bufnr, makron)) .. "'", 0)
  end
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 2, character = makron.col + 2 },
  }, 10000)
  local contents = hover and hover[client.id] and hover[client.id].result and hover[client.id].result.contents
  if not (contents and contents.kind == 'markdown' and contents.value:find('it.names.garbled', 1, true)
      and contents.value:find('Macron', 1, true)) then
    error('hover over "Makron": ' .. vim.inspect(hover), 0)
  end

  -- :TranslintDisableRule at "Makron" silences it.names.garbled and leaves the spelling finding.
  vim.api.nvim_win_set_cursor(0, { 3, makron.col })
  vim.cmd('TranslintDisableRule')
  wait_for(':TranslintDisableRule to silence it.names.garbled', function()
    return #findings(bufnr, 'it.names.garbled') == 0
  end)
  local spelling = findings(bufnr, 'it.spelling', 2)
  if #spelling ~= 1 or covered(bufnr, spelling[1]) ~= 'giornalsti' then
    error('after disabling it.names.garbled: ' .. vim.inspect(findings(bufnr)), 0)
  end

  -- :TranslintAddWord at "giornalsti" writes it to the word list, and the finding goes.
  vim.api.nvim_win_set_cursor(0, { 3, spelling[1].col })
  vim.cmd('TranslintAddWord')
  wait_for(':TranslintAddWord to drop the spelling finding', function()
    return #findings(bufnr, 'it.spelling') == 0
  end)
  local words = table.concat(vim.fn.readfile(word_list), '\n')
  if words ~= 'giornalsti' then
    error("the word list reads '" .. words .. "'", 0)
  end

  -- :TranslintRestart starts a new server, which knows nothing of the disabled rule.
  vim.cmd('TranslintRestart')
  wait_for('a new translint client', function()
    local restarted = translint_client(bufnr)
    return restarted ~= nil and restarted.id ~= client.id
  end)
  wait_for('the new server to report "Makron"', function()
    return #findings(bufnr, 'it.names.garbled', 2) == 1
  end)
  say('hover, :TranslintDisableRule, :TranslintAddWord and :TranslintRestart work')
end

-- A step that hangs fails the test rather than the ctest timeout.
vim.defer_fn(function()
  fail('the test took more than ' .. 80 * scale .. ' s')
end, 80000 * scale)
local ok, problem = xpcall(run, debug.traceback)
if not ok then
  fail(problem)
end
for _, client in ipairs(vim.lsp.get_active_clients()) do
  client.stop()
end
vim.wait(3000, function()
  return #vim.lsp.get_active_clients() == 0
end, 20)
vim.cmd('qall!')
