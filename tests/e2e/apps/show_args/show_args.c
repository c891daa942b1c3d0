/* A static test program for the empty-root tests: prints its PID, then each argument on
 * its own line, and exits 0. Static, so it runs in a root holding nothing else. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  printf("pid=%d\n", (int)getpid());
  for (int i = 1; i < argc; ++i) printf("%s\n", argv[i]);
  return 0;
}
