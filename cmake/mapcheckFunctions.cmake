# CMake functions for a project that uses mapcheck (installed with the package; usable from
# this tree too).
#
# mapcheck_add_check(NAME <test> COMMAND <target or command> [ARGS ...] [LABELS ...])
#   Registers a model-checking program with ctest: the test runs COMMAND with ARGS and passes
#   when it exits 0, with the labels given (default `litmus`, as this project labels its model
#   checks; `slow` keeps it out of a `ctest -LE slow` run).
function(mapcheck_add_check)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;COMMAND" "ARGS;LABELS")
  if(NOT arg_NAME OR NOT arg_COMMAND)
    message(FATAL_ERROR "mapcheck_add_check: NAME and COMMAND are required")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "mapcheck_add_check(${arg_NAME}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_LABELS)
    set(arg_LABELS litmus)
  endif()
  add_test(NAME ${arg_NAME} COMMAND ${arg_COMMAND} ${arg_ARGS})
  set_tests_properties(${arg_NAME} PROPERTIES LABELS "${arg_LABELS}")
endfunction()
