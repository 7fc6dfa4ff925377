#include <catch2/catch.hpp>

#include "linter/suppress.h"

using pyflags::parse_noqa;

TEST_CASE("noqa comments") {
  CHECK(parse_noqa("# noqa")->all);
  CHECK(parse_noqa("# NOQA")->all);
  const auto codes = parse_noqa("# noqa: PF101, PF102");
  REQUIRE(codes);
  CHECK(!codes->all);
  CHECK(codes->codes == std::vector<std::string>{"PF101", "PF102"});
  CHECK(parse_noqa("# type: ignore  # noqa:PF201")->codes == std::vector<std::string>{"PF201"});
  CHECK(!parse_noqa("# a comment about noqa-less code"));
  CHECK(!parse_noqa("# noqatest"));
  const auto file = parse_noqa("# pyflags: noqa");
  REQUIRE(file);
  CHECK(file->file_level);
  CHECK(file->all);
}

TEST_CASE("suppressions match codes and names on their line") {
  pyflags::Suppressions s;
  s.add(3, *parse_noqa("# noqa: PF101"));
  s.add(4, *parse_noqa("# noqa: is-literal"));
  const pyflags::RuleInfo pf101{.code = "PF101", .name = "mutable-default-argument"};
  const pyflags::RuleInfo pf102{.code = "PF102", .name = "is-literal"};
  CHECK(s.suppresses(3, pf101));
  CHECK(!s.suppresses(3, pf102));
  CHECK(s.suppresses(4, pf102));
  CHECK(!s.suppresses(5, pf101));
}
