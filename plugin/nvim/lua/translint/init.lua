-- translint for Neovim: starts `translint lsp` for the buffers of the configured filetypes and
-- adds :TranslintFix, :TranslintDisableRule, :TranslintAddWord and :TranslintRestart.
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).
--
--   require('translint').setup({ cmd = { '/usr/local/bin/translint', 'lsp' } })
local M = {}

local defaults = {
  cmd = { 'translint', 'lsp' },
  filetypes = { 'text', 'markdown', 'html', 'po', 'xml', 'xliff' },
  -- sent as initializationOptions, e.g. { debounceMs = 300 }; nil: the server's defaults
  init_options = nil,
  -- whether to check a buffer; the default skips text that names no language
  should_attach = nil,
}

M.config = vim.deepcopy(defaults)

local name = 'translint'
local clients = {} -- root directory -> client id, for Neovim 0.7

local function notify(message, level)
  vim.notify('translint: ' .. message, level or vim.log.levels.INFO)
end

-- The directory that holds the nearest .translint.yaml upward, or nil.
local function config_dir(dir)
  while dir and dir ~= '' do
    if vim.loop.fs_stat(dir .. '/.translint.yaml') then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

local function buffer_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  return file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.loop.cwd()
end

function M.root_dir(bufnr)
  local dir = buffer_dir(bufnr)
  return config_dir(dir) or dir
end

-- A buffer translint can check: under a .translint.yaml, named like article.it.txt, or a
-- format that names its language (XLIFF, PO, TSV).
function M.checkable(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    return false
  end
  local tail = vim.fn.fnamemodify(file, ':t')
  return config_dir(buffer_dir(bufnr)) ~= nil
    or tail:match('%.%a%a%a?%.[^.]+$') ~= nil
    or vim.tbl_contains({ 'xlf', 'xliff', 'sdlxliff', 'po', 'pot', 'tsv' }, vim.fn.fnamemodify(file, ':e'))
end

function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' or not (M.config.should_attach or M.checkable)(bufnr) then
    return nil
  end
  local root = M.root_dir(bufnr)
  local config = {
    name = name,
    cmd = M.config.cmd,
    root_dir = root,
    init_options = M.config.init_options,
  }
  if vim.lsp.start then -- Neovim 0.8+: reuses the client of the same name and root
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    if not id then
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local function buffer_client(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = name })[1]
  end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == name then
      return client
    end
  end
end

-- translint's diagnostic under the cursor, or the first one on the cursor's line.
local function diagnostic_at_cursor(bufnr)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  row = row - 1
  local on_line
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == name then
      local end_lnum, end_col = d.end_lnum or d.lnum, d.end_col or d.col
      local after_start = row > d.lnum or (row == d.lnum and col >= d.col)
      local before_end = row < end_lnum or (row == end_lnum and col < end_col)
      if after_start and before_end then
        return d
      end
      if d.lnum == row and not on_line then
        on_line = d
      end
    end
  end
  return on_line
end

local function execute(client, bufnr, command)
  client.request('workspace/executeCommand', {
    command = command.command,
    arguments = command.arguments,
  }, function(err)
    if err then
      notify(err.message, vim.log.levels.ERROR)
    end
  end, bufnr)
end

-- The server's code actions for the finding at the cursor, passed to `choose`, which returns
-- the one to run.
local function run_action(choose, none)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = buffer_client(bufnr)
  if not client then
    return notify('not running for this buffer', vim.log.levels.WARN)
  end
  local d = diagnostic_at_cursor(bufnr)
  local lsp = d and d.user_data and d.user_data.lsp or {}
  if not (lsp.data and lsp.data.range) then
    return notify('no finding here')
  end
  local range = lsp.data.range -- counted in the client's encoding
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = range,
    context = {
      diagnostics = {
        { range = range, message = d.message, code = d.code, source = d.source, data = lsp.data },
      },
      only = { 'quickfix' },
    },
  }
  client.request('textDocument/codeAction', params, function(err, actions)
    if err then
      return notify(err.message, vim.log.levels.ERROR)
    end
    local action = choose(actions or {}, d)
    if not action then
      return none(d)
    end
    if action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
    end
    if type(action.command) == 'table' then
      execute(client, bufnr, action.command)
    end
  end, bufnr)
end

local function find(actions, test)
  for _, action in ipairs(actions) do
    if test(action) then
      return action
    end
  end
end

local function with_command(command)
  return function(actions)
    return find(actions, function(a)
      return type(a.command) == 'table' and a.command.command == command
    end)
  end
end

-- Applies the preferred quick fix (the first suggestion) of the finding at the cursor.
function M.fix()
  run_action(function(actions)
    return find(actions, function(a)
      return a.edit and a.isPreferred
    end) or find(actions, function(a)
      return a.edit ~= nil
    end)
  end, function()
    notify('no suggestion for this finding')
  end)
end

-- Turns off the rule of the finding at the cursor in this document, until it is closed.
function M.disable_rule()
  run_action(with_command('translint.disableRule'), function(d)
    notify('cannot disable ' .. tostring(d.code))
  end)
end

-- Adds the word of the finding at the cursor (or, away from findings, the word under the
-- cursor) to the first word list of .translint.yaml.
function M.add_word()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = buffer_client(bufnr)
  if client and not diagnostic_at_cursor(bufnr) and vim.fn.expand('<cword>') ~= '' then
    return execute(client, bufnr, {
      command = 'translint.addToWordList',
      arguments = { vim.uri_from_bufnr(bufnr), vim.fn.expand('<cword>') },
    })
  end
  run_action(with_command('translint.addToWordList'), function()
    notify("no word to add here (a spelling or name finding, and 'word_lists' in .translint.yaml)")
  end)
end

-- Starts the server for the loaded buffers of the configured filetypes.
local function start_open_buffers()
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.start(bufnr)
    end
  end
end

function M.restart()
  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  local stopping = {}
  for _, client in ipairs(get_clients()) do
    if client.name == name then
      client.stop()
      table.insert(stopping, client.id)
    end
  end
  clients = {}
  vim.wait(3000, function()
    for _, id in ipairs(stopping) do
      local client = vim.lsp.get_client_by_id(id)
      if client and not client.is_stopped() then
        return false
      end
    end
    return true
  end, 20)
  start_open_buffers()
end

function M.setup(options)
  M.config = vim.tbl_extend('force', vim.deepcopy(defaults), options or {})
  local group = vim.api.nvim_create_augroup('translint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  local commands = {
    TranslintFix = { M.fix, 'Apply the suggested fix of the translint finding at the cursor' },
    TranslintDisableRule = { M.disable_rule, 'Disable the rule of the finding at the cursor in this document' },
    TranslintAddWord = { M.add_word, 'Add the word at the cursor to the project word list' },
    TranslintRestart = { M.restart, 'Restart the translint language server' },
  }
  for command, spec in pairs(commands) do
    vim.api.nvim_create_user_command(command, function()
      spec[1]()
    end, { desc = spec[2] })
  end
  -- Buffers that were open before setup().
  start_open_buffers()
end

return M
