-- libtranslint.so through LuaJIT's FFI, inside Neovim (which embeds LuaJIT), as an editor plugin
-- would load it. Run as:
--   TRANSLINT_LIBRARY=path/to/libtranslint.so nvim --headless -u NONE -i NONE \
--     -c "luafile plugin/tests/luajit_ffi.lua"
-- Exits 0 when every check holds, 1 otherwise.
local ffi = require("ffi")

ffi.cdef([[
typedef struct translint_engine translint_engine;
typedef struct translint_result translint_result;
typedef struct translint_error translint_error;
const char* translint_version(void);
translint_engine* translint_engine_new(const char* config_path, size_t config_path_size,
                                       translint_error** error);
void translint_engine_free(translint_engine* engine);
translint_result* translint_check(const translint_engine* engine, const char* text,
                                  size_t text_size, const char* language, size_t language_size,
                                  const char* format, size_t format_size, const char* path,
                                  size_t path_size, translint_error** error);
void translint_result_free(translint_result* result);
void translint_result_json(const translint_result* result, const char** data, size_t* size);
size_t translint_result_count(const translint_result* result, int severity);
const char* translint_error_message(const translint_error* error, size_t* size);
int translint_error_code(const translint_error* error);
void translint_error_free(translint_error* error);
]])

local function fail(message)
  io.stderr:write("luajit_ffi: " .. message .. "\n")
  io.stderr:flush()
  os.exit(1)
end

local path = os.getenv("TRANSLINT_LIBRARY")
if not path or path == "" then fail("set TRANSLINT_LIBRARY to libtranslint.so") end
local loaded, lib = pcall(ffi.load, path)
if not loaded then fail(tostring(lib)) end

-- An error out-parameter that the caller frees.
local function new_error() return ffi.new("translint_error*[1]") end
local function take_error(error)
  local message = ffi.string(lib.translint_error_message(error[0], nil))
  local code = lib.translint_error_code(error[0])
  lib.translint_error_free(error[0])
  return message, code
end

local function check(engine, text, language, path)
  local out = new_error()
  local result = lib.translint_check(engine, text, #text, language, #language, "", 0, path, #path,
                                     out)
  if result == nil then return nil, take_error(out) end
  result = ffi.gc(result, lib.translint_result_free)
  local data, size = ffi.new("const char*[1]"), ffi.new("size_t[1]")
  lib.translint_result_json(result, data, size)
  return ffi.string(data[0], size[0]), tonumber(lib.translint_result_count(result, 0))
end

local ok, err = pcall(function()
  local out = new_error()
  local engine = lib.translint_engine_new(nil, 0, out)
  if engine == nil then error((take_error(out))) end
  engine = ffi.gc(engine, lib.translint_engine_free)

  local json, count = check(engine, "Ha parlato con Ilon Musk.", "it", "buffer.txt")
  assert(json, count)
  local decoded = vim.fn.json_decode(json)
  local found = false
  for _, d in ipairs(decoded.files[1].diagnostics) do
    if d.rule == "it.names.garbled" and d.text == "Ilon" and d.suggestions[1] == "Elon" then
      found = true
    end
  end
  assert(found, "no it.names.garbled finding for 'Ilon' with the suggestion 'Elon':\n" .. json)
  assert(count == #decoded.files[1].diagnostics, "translint_result_count disagrees")
  assert(decoded.tool.version == ffi.string(lib.translint_version()))
  assert(decoded.files[1].path == "buffer.txt" and decoded.files[1].language == "it")

  -- Bad input comes back as an error, with the buffer's name in it.
  local none, message, code = check(engine, "Ciao \255 mondo", "it", "buffer.txt")
  assert(none == nil and code == 2, "invalid UTF-8 was not an input error")
  assert(message:find("buffer.txt: invalid UTF-8", 1, true), message)
end)
if not ok then fail(tostring(err)) end
io.stdout:write("luajit_ffi: ok (LuaJIT FFI, translint " .. ffi.string(lib.translint_version())
                .. ")\n")
io.stdout:flush()
os.exit(0)
