-- Neovim (headless) as a real LSP client of `pyflags server`: attach to a buffer, wait for the
-- diagnostics, fix the problem with an ordinary buffer edit (incremental sync), wait for them to go.
-- Uses vim.lsp.start_client + buf_attach_client, which exist from Neovim 0.5 (Debian 12 ships 0.7).
-- Env: PYFLAGS_BIN (the binary), PYFLAGS_TEST_FILE (a .py file holding a PF101 on its first line).

local function log(msg) io.stderr:write("neovim_test: " .. msg .. "\n") end

local function code_of(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(out, tostring(code_of(d))) end
  table.sort(out)
  return table.concat(out, ",")
end

local function run()
  local bin, file = os.getenv("PYFLAGS_BIN"), os.getenv("PYFLAGS_TEST_FILE")
  assert(bin and file, "PYFLAGS_BIN and PYFLAGS_TEST_FILE must be set")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "pyflags",
    cmd = { bin, "server" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  assert(client_id, "start_client failed")
  assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")

  assert(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), "no diagnostics arrived")
  local got = codes(bufnr)
  log("diagnostics after attach: " .. got)
  assert(got:find("PF101", 1, true), "expected PF101, got " .. got)
  local d = vim.diagnostic.get(bufnr)[1]
  assert(d.lnum == 0 and d.col == 20, ("PF101 at %d:%d, expected 0:20"):format(d.lnum, d.col))

  -- `items=[]` -> `items=None` as a buffer edit: Neovim sends an incremental didChange.
  vim.api.nvim_buf_set_text(bufnr, 0, 20, 0, 22, { "None" })
  assert(vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50),
    "diagnostics did not clear after the fix: " .. codes(bufnr))
  log("diagnostics cleared after an incremental edit")

  -- And back: the problem reappears.
  vim.api.nvim_buf_set_text(bufnr, 0, 20, 0, 24, { "{}" })
  assert(vim.wait(20000, function() return codes(bufnr) == "PF101" end, 50), "PF101 did not come back: " .. codes(bufnr))
  log("PF101 reported again after re-introducing it")

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
if ok then
  log("OK")
  vim.cmd("qall!")
else
  log("FAIL: " .. tostring(err))
  vim.cmd("cquit 1")
end
