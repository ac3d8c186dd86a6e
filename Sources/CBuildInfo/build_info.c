// The commit is stamped by `make` into build_commit.h beside this file (not in git; see the
// Makefile's `stamp` target). Without it, as in a tarball or a bare `swift build`, the
// binary says "unknown" and still builds.
#include "build_info.h"

#if __has_include("build_commit.h")
#include "build_commit.h"
#endif

#ifndef QM_BUILD_COMMIT
#define QM_BUILD_COMMIT "unknown"
#endif

const char *qm_build_commit(void) { return QM_BUILD_COMMIT; }
