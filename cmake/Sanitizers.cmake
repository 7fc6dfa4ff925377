# -DPYFLAGS_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on everything we build.
if(PYFLAGS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# -DPYFLAGS_FUZZ=ON (clang only): libFuzzer coverage plus ASan/UBSan on everything, and the pyflags_fuzz
# target (fuzz/lint_fuzzer.cpp). scripts/fuzz.sh configures and runs it.
if(PYFLAGS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PYFLAGS_FUZZ needs clang (libFuzzer): CC=clang-14 CXX=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
