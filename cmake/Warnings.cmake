# Our own code compiles cleanly with these, or not at all.
# -Wno-restrict: GCC 12 reports false -Wrestrict overlaps inside std::string concatenation (GCC bug 105651).
# -Wno-missing-field-initializers: rules fill RuleInfo/Rule with designated initializers that omit defaults.
function(pyflags_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
