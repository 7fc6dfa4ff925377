// The shared helpers of linter/python*.h, asked from inside a real walk (so the scope table and the
// frame stack are exactly what a rule sees).
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "linter/lint.h"
#include "linter/python.h"
#include "linter/python_concurrency.h"
#include "linter/python_exceptions.h"
#include "linter/python_io.h"
#include "linter/python_style.h"

using namespace pyflags;

namespace {

// Calls `probe` for every node of `kind` in `source`, during the walk, with scopes built.
std::function<void(TSNode, const Context&)> g_probe;
void probe_check(TSNode node, const Context& ctx, Reporter&) { g_probe(node, ctx); }

void visit(std::string_view source, SymbolRef kind, std::function<void(TSNode, const Context&)> probe) {
  const SymbolRef kinds[] = {kind};
  const Rule rule{.info = RuleInfo{.code = "PF999", .name = "probe"}, .kinds = kinds, .check = &probe_check,
                  .needs_scopes = true};
  const Rule* enabled[] = {&rule};
  const Dispatch dispatch(Symbols::python(), enabled);
  g_probe = std::move(probe);
  Linter linter;
  lint(SourceFile("t.py", std::string(source)), linter, LintOptions{&dispatch, 10, false});
}

// Collects f(node) for every node of `kind`.
template <typename F>
auto collect(std::string_view source, SymbolRef kind, F f) {
  std::vector<decltype(f(TSNode{}, std::declval<const Context&>()))> out;
  visit(source, kind, [&](TSNode n, const Context& ctx) { out.push_back(f(n, ctx)); });
  return out;
}

}  // namespace

TEST_CASE("is_mutable_value: displays, comprehensions and constructor calls, nothing else") {
  const auto got = collect("def f(a=[], b={}, c={1}, d=[x for x in y], e=list(), f=collections.deque(), g=(),"
                           " h=frozenset(), i=len([]), j=([]), k=(x for x in y), l=collections.list(), m=DEFAULT): pass\n",
                           &Symbols::default_parameter, [](TSNode p, const Context& ctx) {
                             return python::is_mutable_value(ctx, field(p, ctx.sym.field.value));
                           });
  CHECK(got == std::vector<bool>{true, true, true, true, true, true, false, false, false, true, false, false, false});
}

TEST_CASE("literal kinds") {
  const auto got = collect("x = ['a', b'b', f'{c}', 'a' 'b', rb'r', 1, -2.5, 1+2j, (3), name, None]\n", &Symbols::list,
                           [](TSNode list, const Context& ctx) {
                             std::string kinds;
                             for (TSNode e : named_children(list)) {
                               kinds += python::is_string_literal(ctx, e)  ? 's'
                                        : python::is_bytes_literal(ctx, e) ? 'b'
                                        : python::is_number_literal(ctx, e) ? 'n'
                                        : python::is_none(ctx, e)           ? '0'
                                                                            : '-';
                             }
                             return kinds;
                           });
  REQUIRE(got.size() == 1);
  CHECK(got[0] == "sbssbnnnn-0");
  CHECK(collect("x = f'{a}'\ny = 'a' f'{b}'\nz = 'c'\n", &Symbols::assignment, [](TSNode a, const Context& ctx) {
          return python::is_fstring(ctx, field(a, ctx.sym.field.right));
        }) == std::vector<bool>{true, true, false});
}

TEST_CASE("same_expression ignores whitespace and comments, nothing else") {
  const auto got = collect("f(a.b[ 1 ], a . b[1])\nf(x+1, x+2)\nf((y), y)\nf(g(  # c\n  z), g(z))\n", &Symbols::call,
                           [](TSNode call, const Context& ctx) {
                             return python::same_expression(ctx, python::positional_argument(ctx, call, 0),
                                                            python::positional_argument(ctx, call, 1));
                           });
  CHECK(got == std::vector<bool>{true, false, true, true, false, false});  // the inner g(...) calls: no 2 args
}

TEST_CASE("call arguments") {
  const auto got = collect("f(1, 2, key=3, **kw)\n", &Symbols::call, [](TSNode call, const Context& ctx) {
    return std::make_tuple(python::positional_count(ctx, call), std::string(ctx.text(python::positional_argument(ctx, call, 1))),
                           std::string(ctx.text(python::keyword_argument(ctx, call, "key"))),
                           python::has_keywords_or_splats(ctx, call));
  });
  REQUIRE(got.size() == 1);
  CHECK(std::get<0>(got[0]) == 2);
  CHECK(std::get<1>(got[0]) == "2");
  CHECK(std::get<2>(got[0]) == "key=3");
  CHECK(std::get<3>(got[0]));
}

TEST_CASE("qualified names resolve import aliases through the scope table") {
  const std::string source =
      "import numpy as np\nimport os.path\nfrom time import sleep as nap\nfrom . import sibling\n"
      "np.arange(3)\nos.path.join('a')\nnap(1)\nsibling.f()\npd.read_csv('x')\nlen([])\n"
      "def f(np):\n    np.arange(1)\n";
  const auto got = collect(source, &Symbols::call, [](TSNode call, const Context& ctx) {
    return python::qualified_name(ctx, field(call, ctx.sym.field.function));
  });
  CHECK(got == std::vector<std::string>{"numpy.arange", "os.path.join", "time.sleep", "..sibling.f", "pd.read_csv",
                                        "len", "np.arange"});
}

TEST_CASE("refers_to: imports, conventional aliases only when unbound") {
  const auto got = collect("import time as t\nt.sleep(1)\nnp.array([])\nnp = load()\nnp.array([])\n", &Symbols::call,
                           [](TSNode call, const Context& ctx) {
                             const TSNode fn = field(call, ctx.sym.field.function);
                             return python::refers_to(ctx, fn, "time.sleep") || python::refers_to(ctx, fn, "numpy.array");
                           });
  CHECK(got == std::vector<bool>{true, true, false, false});  // t.sleep, np.array, load(), np.array after `np = ...`
}

TEST_CASE("scope table: bindings, class scopes skipped, global and nonlocal") {
  const std::string source =
      "x = 1\n"
      "class C:\n    y = 2\n    def m(self):\n        return y\n"
      "def outer(a, *args, b=1, **kw):\n    z = 3\n    def inner():\n        nonlocal z\n        z = 4\n        return z\n"
      "    return inner\n"
      "def g():\n    global x\n    x = 5\n    return x\n"
      "for i, (j, k) in []: pass\n"
      "with open('f') as fh: pass\n"
      "try: pass\nexcept E as err: pass\n"
      "import a.b\nfrom m import n as alias\n"
      "if (w := 1): pass\n";
  visit(source, &Symbols::module, [](TSNode, const Context&) {});
  // After the walk (the probe on `module` runs first), inspect the table through a probe on returns.
  std::vector<std::string> resolved;
  visit(source, &Symbols::return_statement, [&](TSNode ret, const Context& ctx) {
    const TSNode value = ts_node_named_child(ret, 0);
    if (!is(value, ctx.sym.identifier)) return;
    const std::uint32_t s = ctx.scopes.resolving_scope(ctx.current_scope(), ctx.text(value));
    resolved.push_back(s == ScopeTable::kNone ? "builtin" : std::to_string(static_cast<int>(ctx.scopes.scope(s).kind)));
  });
  // `y` in a method: the class scope is skipped → unbound (builtin/undefined); `z` (nonlocal) → outer's
  // function scope; `inner` → outer; `x` (global) → module.
  CHECK(resolved == std::vector<std::string>{"builtin", "1", "1", "0"});
  std::vector<std::string> names;
  visit(source + "pass\n", &Symbols::pass_statement, [&](TSNode, const Context& ctx) {
    names.clear();
    for (const std::uint32_t id : ctx.scopes.scope(ctx.scopes.module()).bindings) {
      names.emplace_back(ctx.scopes.binding(id).name);
    }
  });
  // `x = 5` after `global x` in g() is a module binding.
  CHECK(names == std::vector<std::string>{"x", "C", "outer", "g", "x", "i", "j", "k", "fh", "err", "a", "alias", "w"});
}

TEST_CASE("plain assignments keep their value; chained assignments bind every name") {
  const auto got = collect("a = b = 'v'\nc, d = 1, 2\ne: int = 3\nf: int\npass\n", &Symbols::pass_statement,
                           [](TSNode, const Context& ctx) {
                             std::string out;
                             for (const std::uint32_t id : ctx.scopes.scope(0).bindings) {
                               const Binding& b = ctx.scopes.binding(id);
                               out += std::string(b.name) + (ts_node_is_null(b.value) ? "" : "=" + std::string(ctx.text(b.value))) +
                                      (b.kind == BindingKind::Annotation ? ":" : "") + " ";
                             }
                             return out;
                           });
  CHECK(got == std::vector<std::string>{"a='v' b='v' c d e=3 f: "});
}

TEST_CASE("file_opener and open_mode") {
  const std::string source =
      "import gzip as g\n"
      "open('f')\nopen('f', 'rb')\nopen('f', mode='w')\nopen('f', m)\ng.open('f')\n"
      "os.open('f', 0)\npath.open()\n"
      "def inner():\n    from io import open\n    open('f')\n";
  const auto got = collect(source, &Symbols::call, [](TSNode call, const Context& ctx) {
    const std::string_view opener = python::file_opener(ctx, call);
    if (opener.empty()) return std::string("-");
    const python::OpenMode mode = python::open_mode(ctx, call);
    return std::string(opener) + (mode == python::OpenMode::Text ? ":t" : mode == python::OpenMode::Binary ? ":b" : ":?");
  });
  CHECK(got == std::vector<std::string>{"open:t", "open:b", "open:t", "open:?", "gzip.open:t", "-", "-", "io.open:t"});
}

TEST_CASE("async context and import resolution for concurrency rules") {
  const std::string source =
      "import asyncio as aio\nfrom time import sleep\n"
      "async def a():\n    aio.sleep(1)\n    sleep(1)\n    def sync():\n        sleep(2)\n"
      "def b():\n    sleep(3)\n";
  const auto got = collect(source, &Symbols::call, [](TSNode call, const Context& ctx) {
    return std::make_pair(python::resolved_import_name(ctx, field(call, ctx.sym.field.function)),
                          ctx.stack.in_async_function());
  });
  REQUIRE(got.size() == 4);
  CHECK(got[0] == std::make_pair(std::string("asyncio.sleep"), true));
  CHECK(got[1] == std::make_pair(std::string("time.sleep"), true));
  CHECK(got[2] == std::make_pair(std::string("time.sleep"), false));  // a nested sync def
  CHECK(got[3] == std::make_pair(std::string("time.sleep"), false));
}

TEST_CASE("exception handler questions") {
  const std::string source =
      "try: pass\nexcept Exception: pass\n"
      "try: pass\nexcept (ValueError, BaseException) as e:\n    log.exception('x')\n"
      "try: pass\nexcept ValueError:\n    raise\n"
      "try: pass\nexcept:\n    continue\n";
  const auto got = collect(source, &Symbols::except_clause, [](TSNode handler, const Context& ctx) {
    std::string_view action;
    const TSNode body = python::handler_body(ctx, handler);
    return std::string(ctx.text(python::broad_exception_element(ctx, handler))) + "|" +
           (python::is_swallowing_body(ctx, body, &action) ? std::string(action) : "") + "|" +
           (python::contains_raise(ctx, body) ? "raise" : "") + "|" + (python::logs_traceback(ctx, body) ? "log" : "");
  });
  CHECK(got == std::vector<std::string>{"Exception|pass||", "BaseException|||log", "||raise|", "|continue||"});
}

TEST_CASE("module_imports: a module or its submodules, under any alias, anywhere before the question") {
  // Asked at a trailing `pass`, when the walk has recorded every earlier binding.
  auto imports = [](std::string source, std::string_view module) {
    return collect(source + "pass\n", &Symbols::pass_statement,
                   [&](TSNode, const Context& ctx) { return python::module_imports(ctx, module); });
  };
  CHECK(imports("import sympy\n", "sympy") == std::vector<bool>{true});
  CHECK(imports("import sympy.core as c\n", "sympy") == std::vector<bool>{true});
  CHECK(imports("from sympy.core.singleton import S\n", "sympy") == std::vector<bool>{true});
  CHECK(imports("try:\n    import numpy, sympy as sp\nexcept ImportError:\n    raise\n", "sympy") == std::vector<bool>{true});
  CHECK(imports("from concurrent import futures\n", "concurrent.futures") == std::vector<bool>{true});
  CHECK(imports("from pandas import *\n", "pandas") == std::vector<bool>{true});
  CHECK(imports("import sympyx\nfrom sympy_ext import s\n", "sympy") == std::vector<bool>{false});
  CHECK(imports("x = 'import sympy'\n", "sympy") == std::vector<bool>{false});
  CHECK(imports("import concurrent\n", "concurrent.futures") == std::vector<bool>{false});
}
