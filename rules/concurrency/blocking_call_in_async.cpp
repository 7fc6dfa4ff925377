// PF704 blocking-call-in-async: blocking HTTP, subprocess and input calls inside a coroutine.
#include <algorithm>
#include <array>

#include "linter/python.h"
#include "linter/python_concurrency.h"
#include "linter/rule.h"
#include "linter/text.h"

namespace pyflags::rules {
namespace {

constexpr RuleInfo kInfo{
    .code = "PF704",
    .name = "blocking-call-in-async",
    .severity = Severity::Warning,
    .default_enabled = true,
    .fix = FixAvailability::None,
    .summary = "Blocking HTTP / subprocess / input call inside `async def`",
    .rationale = R"(A coroutine only gives the event loop a chance to run other tasks when it reaches an
`await`. A synchronous call such as `requests.get()`, `subprocess.run()` or `input()` holds the single
event-loop thread for as long as the network, the child process or the user takes, so every other
coroutine stalls with it and the program loses the concurrency asyncio was chosen for. Use an async
library (`httpx.AsyncClient`, `aiohttp`, `asyncio.create_subprocess_exec`), or push the sync call to
a worker thread with `await asyncio.to_thread(func, ...)` / `loop.run_in_executor(...)`.)",
    .bad = R"(import requests


async def fetch(url):
    return requests.get(url, timeout=10).text
)",
    .good = R"(import asyncio

import requests


async def fetch(url):
    response = await asyncio.to_thread(requests.get, url, timeout=10)
    return response.text
)",
    .seed = "§11 \"asyncio\" — \"Mixing sync and async: Use loop.run_in_executor() to call sync functions from async code.\"; follow-up \"What happens if you accidentally call a blocking function inside an async coroutine?\"",
};

constexpr std::array<std::string_view, 24> kBlocking = {
    "requests.get",   "requests.post",       "requests.put",   "requests.patch",   "requests.delete",
    "requests.head",  "requests.options",    "requests.request", "httpx.get",      "httpx.post",
    "httpx.put",      "httpx.patch",         "httpx.delete",   "httpx.head",       "httpx.options",
    "httpx.request",  "httpx.stream",        "urllib.request.urlopen", "subprocess.run", "subprocess.call",
    "subprocess.check_call", "subprocess.check_output", "os.system", "input"};

// The last segment of every name above: a cheap first filter on the attribute being called.
bool is_candidate_member(std::string_view m) {
  static constexpr std::string_view kMembers[] = {"get",  "post", "put",  "patch",      "delete",     "head",
                                                  "options", "request", "stream", "urlopen", "run", "call",
                                                  "check_call", "check_output", "system"};
  return std::find(std::begin(kMembers), std::end(kMembers), m) != std::end(kMembers);
}

void check(TSNode call, const Context& ctx, Reporter& out) {
  if (ctx.file.is_stub()) return;  // stubs hold no executable code
  const Symbols& s = ctx.sym;
  const TSNode fn = field(call, s.field.function);
  if (is(fn, s.attribute)) {
    if (!is_candidate_member(ctx.text(field(fn, s.field.attribute)))) return;
  } else if (!is(fn, s.identifier)) {
    return;
  }
  if (ts_node_is_null(python::enclosing_coroutine(ctx, call))) return;

  bool builtin_input = false;
  if (is(fn, s.identifier)) {
    const Binding* b = ctx.scopes.lookup(ctx.current_scope(), ctx.text(fn));
    if (b == nullptr) {
      if (ctx.text(fn) != "input") return;
      builtin_input = true;
    } else if (b->kind != BindingKind::ImportFrom || !is_candidate_member(b->member)) {
      return;  // a local `get`, a parameter `run`, ...
    }
  }
  if (!builtin_input) {
    const std::string name = python::resolved_import_name(ctx, fn);
    if (std::find(kBlocking.begin(), kBlocking.end() - 1, name) == kBlocking.end() - 1) return;
  }
  const std::string func = shorten(ctx.text(fn));
  std::string message = cat("`", func, "()` blocks the event loop while it waits; use an async client, or run it in a "
                                       "thread with `await asyncio.to_thread(", func, ", ...)`");
  out.report_unless_bound(ctx.scopes.module(), builtin_input ? "input" : "", call, std::move(message));
}

constexpr SymbolRef kKinds[] = {&Symbols::call};
const Rule kRule{.info = kInfo, .kinds = kKinds, .check = &check, .needs_scopes = true};
PYFLAGS_REGISTER_RULE(kRule);

}  // namespace
}  // namespace pyflags::rules
