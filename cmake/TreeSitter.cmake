# The tree-sitter core and the Python grammar come from the npm registry (package.json pins them;
# `npm ci --ignore-scripts` puts them under node_modules/). We compile their C sources ourselves as
# static libraries, always optimised: the parser is the hot path even in Debug builds.
set(PYFLAGS_NPM_DIR "${CMAKE_SOURCE_DIR}/node_modules" CACHE PATH "Where npm installed tree-sitter")
set(TS_CORE_DIR "${PYFLAGS_NPM_DIR}/tree-sitter/vendor/tree-sitter/lib")
set(TS_PYTHON_DIR "${PYFLAGS_NPM_DIR}/tree-sitter-python/src")

foreach(required IN ITEMS "${TS_CORE_DIR}/src/lib.c" "${TS_PYTHON_DIR}/parser.c" "${TS_PYTHON_DIR}/scanner.c")
  if(NOT EXISTS "${required}")
    message(FATAL_ERROR "missing ${required}: run `npm ci --ignore-scripts` (scripts/run.sh does this)")
  endif()
endforeach()

set(PYFLAGS_TS_C_FLAGS -O2 -w)  # third-party code: optimised, and its warnings are not ours to fix

add_library(ts_core STATIC "${TS_CORE_DIR}/src/lib.c")
target_include_directories(ts_core PUBLIC "${TS_CORE_DIR}/include" PRIVATE "${TS_CORE_DIR}/src")
target_compile_options(ts_core PRIVATE ${PYFLAGS_TS_C_FLAGS})
target_compile_definitions(ts_core PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(ts_core PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

add_library(ts_python STATIC "${TS_PYTHON_DIR}/parser.c" "${TS_PYTHON_DIR}/scanner.c")
target_include_directories(ts_python PRIVATE "${TS_PYTHON_DIR}")
target_compile_options(ts_python PRIVATE ${PYFLAGS_TS_C_FLAGS})
set_target_properties(ts_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_link_libraries(ts_python PUBLIC ts_core)
