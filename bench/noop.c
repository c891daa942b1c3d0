/* The trivial program every row of the benchmark starts: static, does nothing, exits 0. */
int main(void) { return 0; }
