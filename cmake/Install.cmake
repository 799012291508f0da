# What `cmake --install` puts in place, for a project that uses mapcheck (find_package(mapcheck
# CONFIG)): the checker and the map models, the scenario runner, the GoogleTest helpers, their
# headers under include/mapcheck/ (so `#include "mc/mc.h"`, "models/...", "scenario/..." as in
# this tree), the `mapcheck` command, and the CMake package in lib/cmake/mapcheck with the
# imported targets mapcheck::checker, mapcheck::models, mapcheck::scenarios, mapcheck::testing
# and the function mapcheck_add_check (cmake/mapcheckFunctions.cmake). `cpack -G DEB` in the
# build tree makes the Debian package of the same files. ctest
# install.AConsumerProjectBuildsAgainstTheInstalledTree holds all of it to a small project.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(mapcheck_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/mapcheck)
set(mapcheck_include_dir ${CMAKE_INSTALL_INCLUDEDIR}/mapcheck)

set_target_properties(mc PROPERTIES EXPORT_NAME checker)
set_target_properties(mapcheck_models PROPERTIES EXPORT_NAME models)
set_target_properties(mapcheck_scenario PROPERTIES EXPORT_NAME scenarios)
set_target_properties(mc_testing PROPERTIES EXPORT_NAME testing)
install(TARGETS mc mapcheck_models mapcheck_scenario EXPORT mapcheckTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# The GoogleTest helpers need GoogleTest: their own export set, loaded when it is found.
install(TARGETS mc_testing EXPORT mapcheckTestingTargets)
install(TARGETS mapcheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/checker/include/mc DESTINATION ${mapcheck_include_dir})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models DESTINATION ${mapcheck_include_dir}
        FILES_MATCHING PATTERN "*.h" PATTERN "*.def")
install(FILES ${PROJECT_SOURCE_DIR}/scenario/scenario.h
        DESTINATION ${mapcheck_include_dir}/scenario)

install(EXPORT mapcheckTargets NAMESPACE mapcheck:: DESTINATION ${mapcheck_cmake_dir})
install(EXPORT mapcheckTestingTargets NAMESPACE mapcheck:: DESTINATION ${mapcheck_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/mapcheckConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/mapcheckConfig.cmake
                              INSTALL_DESTINATION ${mapcheck_cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/mapcheckConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/mapcheckConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/mapcheckConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/mapcheckFunctions.cmake
        DESTINATION ${mapcheck_cmake_dir})

# The Debian package: `cpack -G DEB` in the build tree (mapcheck_VERSION_amd64.deb).
set(CPACK_PACKAGE_NAME mapcheck)
set(CPACK_PACKAGE_VENDOR "the mapcheck project")
set(CPACK_PACKAGE_CONTACT "mapcheck maintainers <mapcheck@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "memory-model model checker and fuzz harnesses for concurrent hash maps")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The libraries are static: a project linking them needs Boost.Context's development files and
# a C++20 compiler; the command needs Boost.Context's runtime (in the -dev package's depends).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libboost-context-dev (>= 1.74), g++ (>= 4:12) | clang-19")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cmake (>= 3.25), libgtest-dev")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
include(CPack)
