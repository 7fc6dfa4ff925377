// Placeholder until the language server lands (issue 8): say so and fail, rather than pretend.
#include "linter/lsp/server.h"

#include <iostream>

namespace pyflags::lsp {

int run_server(std::istream&, std::ostream&) {
  std::cerr << "pyflags: error: the language server is not built yet\n";
  return 2;
}

}  // namespace pyflags::lsp
