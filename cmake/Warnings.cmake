# Our own code compiles cleanly with these, or not at all.
function(pyflags_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers -Werror)
endfunction()
