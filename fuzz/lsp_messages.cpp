// The LSP server's input: the message reader over the bytes, then translint::lsp::serve on the
// same bytes, which must answer and return at the end of the input.
#include "fuzz/entry_points.hpp"

#include <csignal>
#include <sys/syscall.h>

// The server ends the process when the client's "processId" names no running process, as the
// protocol asks; the ids a fuzzer writes name none. Probing (signal 0) finds every process alive
// here, and real signals go through.
extern "C" int kill(pid_t pid, int signal) {
    if (signal == 0) return 0;
    return static_cast<int>(syscall(SYS_kill, pid, signal));
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    translint::fuzz::fuzz_lsp(translint::fuzz::bytes_of(data, size));
    return 0;
}
