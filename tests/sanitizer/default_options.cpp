// Linked into every executable of a POS_SANITIZE build (CMakeLists.txt), so the test binaries,
// posctl, pos-store and `pos` started by tests, scripts or by hand all run with the same options;
// ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS in the environment still override single flags.
//
// detect_leaks: a leak fails the run like any other finding. verify_asan_link_order=0: the
// umockdev preload library comes ahead of the ASan runtime on purpose (USB tests, pos under a
// virtual scanner). halt_on_error: a UB report ends the process with an error, so the test fails.
// The LSan suppressions (lsan.supp) may name third-party libraries only; never our code.
// intercept_tls_get_addr=0: gcc 12's runtime misreads glibc 2.36's dynamic TLS blocks (a "DTLS"
// range starting at 0x11d0 from Mesa's driver) and LSan's tracer crashes on it ("Tracer caught
// signal 11") at the end of `pos` under Xvfb; without it LSan scans static TLS and stacks only.

extern "C" {

const char* __asan_default_options();
const char* __ubsan_default_options();
const char* __lsan_default_options();

const char* __asan_default_options() {
    return "detect_leaks=1:verify_asan_link_order=0:check_initialization_order=1:"
           "intercept_tls_get_addr=0";
}

const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

const char* __lsan_default_options() { return "suppressions=" POS_LSAN_SUPPRESSIONS; }

// Shared libraries stay loaded until exit: GLFW unloads libGL and Mesa unloads its swrast driver
// (and LLVM with it) before LSan looks for leaks, and a leak from an unloaded library has no
// name, so lsan.supp could not suppress it by library. A dlclose that keeps the library is
// allowed by POSIX; this executable's definition comes before the C library's for every caller.
int dlclose(void* handle);
int dlclose(void*) { return 0; }

}  // extern "C"
