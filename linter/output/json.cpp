#include <nlohmann/json.hpp>

#include "linter/output/output.h"

namespace pyflags::output {
namespace {

nlohmann::json location(const Location& l) { return {{"row", l.row}, {"column", l.column}}; }

}  // namespace

void write_json(std::ostream& out, const std::vector<Message>& messages) {
  nlohmann::json array = nlohmann::json::array();
  for (const Message& m : messages) {
    nlohmann::json fix = nullptr;
    if (m.fix) {
      nlohmann::json edits = nlohmann::json::array();
      for (const ResolvedEdit& e : m.fix->edits) {
        edits.push_back({{"content", e.content}, {"location", location(e.location)}, {"end_location", location(e.end_location)}});
      }
      fix = {{"applicability", m.fix->applicability == Applicability::Safe ? "safe" : "unsafe"},
             {"message", m.fix->title},
             {"edits", edits}};
    }
    array.push_back({{"code", m.rule->code},
                     {"name", m.rule->name},
                     {"severity", to_string(m.rule->severity)},
                     {"message", m.text},
                     {"filename", m.filename},
                     {"location", location(m.location)},
                     {"end_location", location(m.end_location)},
                     {"fix", fix},
                     {"noqa_row", m.noqa_row},
                     {"url", rule_url(*m.rule)}});
  }
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace pyflags::output
