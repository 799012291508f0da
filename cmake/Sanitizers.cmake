# Sanitizer builds apply to every target so that the checker, the models and the tests agree.
if(MAPCHECK_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(MC_SANITIZE_ADDRESS=1)
elseif(MAPCHECK_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  add_compile_definitions(MC_SANITIZE_THREAD=1)
elseif(NOT MAPCHECK_SANITIZE STREQUAL "")
  message(FATAL_ERROR "MAPCHECK_SANITIZE must be '', 'address' or 'thread', not '${MAPCHECK_SANITIZE}'")
endif()
