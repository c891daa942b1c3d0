# Cross-compiling for another Linux machine type with Debian's cross compilers
# (g++-aarch64-linux-gnu, g++-x86-64-linux-gnu). scripts/build-static.sh --arch sets
# HYDRA_ADAPT_TARGET_ARCH (aarch64, x86_64) and HYDRA_ADAPT_TARGET_LIBS, the folder where it
# unpacked Debian's library packages of that machine type (Boost, yaml-cpp, spdlog, fmt, nlohmann-json).
# Try-compiles read this file again: hand them both.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES HYDRA_ADAPT_TARGET_ARCH HYDRA_ADAPT_TARGET_LIBS)
if(NOT HYDRA_ADAPT_TARGET_ARCH OR NOT HYDRA_ADAPT_TARGET_LIBS)
  message(FATAL_ERROR "cross-linux-gnu.cmake needs HYDRA_ADAPT_TARGET_ARCH and HYDRA_ADAPT_TARGET_LIBS "
                      "(scripts/build-static.sh --arch sets both)")
endif()
set(triplet "${HYDRA_ADAPT_TARGET_ARCH}-linux-gnu")

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR "${HYDRA_ADAPT_TARGET_ARCH}")
set(CMAKE_LIBRARY_ARCHITECTURE "${triplet}")
set(CMAKE_C_COMPILER "${triplet}-gcc")
set(CMAKE_CXX_COMPILER "${triplet}-g++")

# Libraries and CMake packages come only from the unpacked folder and the cross compiler's own
# libc (/usr/<triplet>), never from the build machine's /usr; programs from the build machine.
set(CMAKE_FIND_ROOT_PATH "${HYDRA_ADAPT_TARGET_LIBS}" "/usr/${triplet}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
