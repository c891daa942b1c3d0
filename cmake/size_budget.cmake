# The size test of the static preset (CMakeLists.txt, HYDRA_ADAPT_SIZE_BUDGET):
#   cmake -DBINARY=build-static/hydra-adapt -DBUDGET=<bytes> -P cmake/size_budget.cmake
# fails when the stripped static binary is larger than the budget.
file(SIZE "${BINARY}" size)
math(EXPR left "${BUDGET} - ${size}")
if(size GREATER BUDGET)
  math(EXPR over "${size} - ${BUDGET}")
  message(FATAL_ERROR "${BINARY} is ${size} bytes, ${over} over its budget of ${BUDGET} (HYDRA_ADAPT_SIZE_BUDGET). "
                      "Find what grew (a link map: -DCMAKE_EXE_LINKER_FLAGS=-Wl,-Map=hydra-adapt.map) and cut it, "
                      "or raise the budget in CMakeLists.txt in a commit that says what the bytes buy.")
endif()
message(STATUS "${BINARY} is ${size} bytes, ${left} under its budget of ${BUDGET}")
