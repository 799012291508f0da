# cmake -DTARGET=name -DDICT=file -DOUT=dir -DSEEDS=dir|dir... [-DREPLAY=program] -P this file
# Lays one fuzz target out as OSS-Fuzz wants it: OUT/<target>.dict and OUT/seeds/<target>/ (the
# inputs of the SEEDS folders). With REPLAY (a mutant's replay program) the inputs it already
# fails on stay out: they are the mutant's known crashes, and a fuzzer that starts on one stops.
file(REMOVE_RECURSE ${OUT}/seeds/${TARGET})
file(MAKE_DIRECTORY ${OUT}/seeds/${TARGET})
configure_file(${DICT} ${OUT}/${TARGET}.dict COPYONLY)
string(REPLACE "|" ";" folders "${SEEDS}")
foreach(folder ${folders})
  file(GLOB inputs ${folder}/*)
  foreach(input ${inputs})
    if(REPLAY)
      execute_process(COMMAND ${REPLAY} ${input} RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
      if(NOT status EQUAL 0)
        continue()
      endif()
    endif()
    file(COPY ${input} DESTINATION ${OUT}/seeds/${TARGET})
  endforeach()
endforeach()
