#include "linter/syntax.h"

#include <stdexcept>
#include <string>

namespace pyflags {
namespace {

// C++ keywords get a trailing underscore as members (`false_`, `operator_`); the grammar name has none.
std::string_view grammar_name(std::string_view member) {
  return member.ends_with('_') ? member.substr(0, member.size() - 1) : member;
}

TSSymbol resolve_symbol(const TSLanguage* language, std::string_view name, bool named) {
  const TSSymbol id = ts_language_symbol_for_name(language, name.data(), static_cast<uint32_t>(name.size()), named);
  if (id == 0) throw std::runtime_error("tree-sitter-python has no node kind `" + std::string(name) + "`");
  return id;
}

TSFieldId resolve_field(const TSLanguage* language, std::string_view name) {
  const TSFieldId id = ts_language_field_id_for_name(language, name.data(), static_cast<uint32_t>(name.size()));
  if (id == 0) throw std::runtime_error("tree-sitter-python has no field `" + std::string(name) + "`");
  return id;
}

}  // namespace

Symbols::Symbols(const TSLanguage* language) : count(ts_language_symbol_count(language)) {
#define PYFLAGS_RESOLVE(k) k = resolve_symbol(language, grammar_name(#k), true);
  PYFLAGS_NODE_KINDS(PYFLAGS_RESOLVE)
#undef PYFLAGS_RESOLVE
#define PYFLAGS_RESOLVE(k, text) k = resolve_symbol(language, text, false);
  PYFLAGS_TOKENS(PYFLAGS_RESOLVE)
#undef PYFLAGS_RESOLVE
#define PYFLAGS_RESOLVE(f) field.f = resolve_field(language, grammar_name(#f));
  PYFLAGS_FIELDS(PYFLAGS_RESOLVE)
#undef PYFLAGS_RESOLVE
}

const Symbols& Symbols::python() {
  static const Symbols symbols(tree_sitter_python());
  return symbols;
}

Parser::Parser() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, tree_sitter_python()); }

Parser::~Parser() { ts_parser_delete(parser_); }

TSTree* Parser::parse(std::string_view text, const TSTree* old) {
  return ts_parser_parse_string(parser_, old, text.data(), static_cast<uint32_t>(text.size()));
}

}  // namespace pyflags
