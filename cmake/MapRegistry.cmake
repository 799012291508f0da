# The map registry (models/registry/maps.def) as CMake sees it: the fuzz targets its rows ask
# for. Sets, in the including scope,
#   MAPCHECK_MAP_FUZZ_TARGETS       every map fuzz target, `<row>_<kind>_fuzzer`, in row order
#   MAPCHECK_FUZZ_<target>_MAP      its row's name
#   MAPCHECK_FUZZ_<target>_KIND     ops, concurrent or sched
#   MAPCHECK_FUZZ_<target>_ROLE     baseline, fix or mutant
# and writes the same table to ${PROJECT_BINARY_DIR}/fuzz/targets.tsv (target, map, kind, role),
# which the scripts read instead of listing maps by hand. The C++ side reads the same rows
# (models/registry/registry.h); models/registry/registry_test.cc checks that the two agree.
set(map_registry ${PROJECT_SOURCE_DIR}/models/registry/maps.def)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${map_registry})
# The rows without the comment lines, joined, so a row may span lines.
file(STRINGS ${map_registry} registry_lines REGEX "^[^/]")
list(JOIN registry_lines " " registry_text)
# Name, fuzz kinds and the third field (the role, or a mutant's type): none holds a comma or a
# parenthesis.
string(REGEX MATCHALL "MAPCHECK_[A-Z_]+\\([^,()]+,[^,()]+,[^,()]+[,)]" registry_rows
       "${registry_text}")
if(NOT registry_rows)
  message(FATAL_ERROR "${map_registry}: no MAPCHECK_MAP or MAPCHECK_MUTANT row found")
endif()
set(MAPCHECK_MAP_FUZZ_TARGETS "")
set(registry_tsv "target\tmap\tkind\trole\n")
foreach(row ${registry_rows})
  if(NOT row MATCHES "^MAPCHECK_(MAP|MAP_CONFIGURED|MUTANT)\\( *([a-z0-9_]+) *, *([^,]+), *([^,]+)[,)]$")
    message(FATAL_ERROR "${map_registry}: cannot read the row '${row}' (a name of lower case, "
                        "digits and '_', then the fuzz kinds)")
  endif()
  set(row_macro ${CMAKE_MATCH_1})
  set(row_name ${CMAKE_MATCH_2})
  set(row_kinds ${CMAKE_MATCH_3})
  string(STRIP "${CMAKE_MATCH_4}" row_role)
  if(row_macro STREQUAL "MUTANT")
    set(row_role mutant)
  elseif(row_role STREQUAL "kFix")
    set(row_role fix)
  elseif(row_role STREQUAL "kBaseline")
    set(row_role baseline)
  else()
    message(FATAL_ERROR "${map_registry}: row ${row_name}: unknown role '${row_role}' "
                        "(kBaseline or kFix)")
  endif()
  string(REGEX REPLACE "[ |]+" ";" row_kind_list "${row_kinds}")
  set(row_kind_names "")
  foreach(kind_bit ${row_kind_list})
    if(kind_bit MATCHES "^k(Ops|Concurrent|Sched)$")
      string(TOLOWER ${CMAKE_MATCH_1} kind)
      list(APPEND row_kind_names ${kind})
    elseif(NOT kind_bit STREQUAL "")
      message(FATAL_ERROR "${map_registry}: row ${row_name}: unknown fuzz kind '${kind_bit}' "
                          "(kOps, kConcurrent or kSched)")
    endif()
  endforeach()
  # In the order of the C++ side's kFuzzKinds.
  foreach(kind ops sched concurrent)
    if(NOT kind IN_LIST row_kind_names)
      continue()
    endif()
    set(target ${row_name}_${kind}_fuzzer)
    list(APPEND MAPCHECK_MAP_FUZZ_TARGETS ${target})
    set(MAPCHECK_FUZZ_${target}_MAP ${row_name})
    set(MAPCHECK_FUZZ_${target}_KIND ${kind})
    set(MAPCHECK_FUZZ_${target}_ROLE ${row_role})
    string(APPEND registry_tsv "${target}\t${row_name}\t${kind}\t${row_role}\n")
  endforeach()
endforeach()
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/fuzz/targets.tsv CONTENT "${registry_tsv}")
