-- A real editor as the language server's client: Neovim, headless, attaches
-- `mrd lsp` to the assessment it was started on, reads the diagnostics
-- through vim.diagnostic.get(), applies the rename code action and writes
-- the file. tests/external/neovim.sh starts it and checks the result.
--
-- Neovim 0.11+ is set up as docs/editors.md says (vim.lsp.config and
-- vim.lsp.enable); 0.8-0.10 through vim.lsp.start; Debian bookworm's 0.7
-- has neither, and attaches with vim.lsp.start_client. The script says
-- which it used.

local mrd = assert(os.getenv('MRD'), 'MRD names the mrd binary')
local report = assert(os.getenv('NVIM_REPORT'), 'NVIM_REPORT names the report file')
local lines = {}
local function say(text) table.insert(lines, text) end
local function finish(code)
  vim.fn.writefile(lines, report)
  vim.cmd((code == 0) and 'qall!' or 'cquit ' .. code)
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local root = vim.fn.getcwd()
  local client_id
  if vim.lsp.config and vim.lsp.enable then
    say('setup: vim.lsp.config + vim.lsp.enable')
    vim.lsp.config('mrd', {
      cmd = { mrd, 'lsp' },
      filetypes = { 'markdown' },
      root_markers = { '.mrd.yml', '.git' },
    })
    vim.lsp.enable('mrd')
    -- The buffer was opened before the config existed: open it again so
    -- the FileType event attaches the server.
    vim.cmd('edit')
    vim.wait(20000, function() return #vim.lsp.get_clients({ bufnr = buf }) > 0 end, 50)
    client_id = vim.lsp.get_clients({ bufnr = buf })[1].id
  elseif vim.lsp.start then
    say('setup: vim.lsp.start')
    client_id = vim.lsp.start({ name = 'mrd', cmd = { mrd, 'lsp' }, root_dir = root })
  else
    say('setup: vim.lsp.start_client (Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ' has no vim.lsp.start)')
    client_id = vim.lsp.start_client({ name = 'mrd', cmd = { mrd, 'lsp' }, root_dir = root })
    vim.lsp.buf_attach_client(buf, client_id)
  end
  assert(client_id, 'the server started')

  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50),
    'no diagnostics arrived')
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    local code = d.code or lsp.code
    say(string.format('diagnostic: %d:%d %s %s', d.lnum + 1, d.col + 1, tostring(code),
      (d.message:gsub('\n.*', ''))))
    if code == 'MRD013' then target = { d = d, lsp = lsp } end
  end
  assert(target, 'no MRD013 diagnostic')

  local client = vim.lsp.get_client_by_id(client_id)
  -- The line is ASCII: Neovim's byte column is the UTF-16 one.
  local position = { line = target.d.lnum, character = target.d.col }
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = position, ['end'] = position },
    context = { diagnostics = {} },
  }, 20000, buf)
  assert(response and response.result, 'no code actions: ' .. vim.inspect(response))
  local chosen
  for _, action in ipairs(response.result) do
    say('action: ' .. action.title)
    if action.title:find('^Rename') then chosen = chosen or action end
  end
  assert(chosen, 'no rename action')
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  vim.cmd('write')
  say('applied: ' .. chosen.title)

  -- The server re-lints the changed buffer: the finding goes away.
  assert(vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or ((d.user_data or {}).lsp or {}).code
      if code == 'MRD013' then return false end
    end
    return true
  end, 50), 'the MRD013 diagnostic stayed after the fix')
  say('after: no MRD013')
end)

if not ok then
  say('FAIL: ' .. tostring(err))
  finish(1)
else
  finish(0)
end
