// `pyflags server`: a Language Server (LSP 3.17) over stdio.
#pragma once

#include <istream>
#include <ostream>

namespace pyflags::lsp {

// Serves one client on `in`/`out` (Content-Length framed JSON-RPC 2.0) until `exit`. Returns the process
// exit code: 0 after shutdown + exit, 1 for exit without shutdown (as the LSP specification says).
int run_server(std::istream& in, std::ostream& out);

}  // namespace pyflags::lsp
