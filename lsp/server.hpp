// `translint lsp`: a Language Server Protocol server over stdio. Editors get the CLI's findings
// as diagnostics while the user types, with quick fixes, "add to the project word list",
// disabling a rule for a document, and hover explanations.
#pragma once

#include <chrono>
#include <cstddef>
#include <istream>
#include <ostream>

namespace translint::lsp {

struct ServerOptions {
    // How long a document must stay unchanged before it is checked again; the client may set
    // it with the initialization option "debounceMs".
    std::chrono::milliseconds debounce{150};
    // Longer messages and documents are refused with a message, not checked.
    std::size_t max_message_bytes = 64u << 20;
    std::size_t max_document_bytes = 16u << 20;
};

// Serves until the client sends "exit" or closes the input. Returns the process exit status:
// 0 after a "shutdown" request, 1 otherwise, as the protocol asks.
int serve(std::istream& in, std::ostream& out, ServerOptions options = {});

} // namespace translint::lsp
