#ifndef QM_BUILD_INFO_H
#define QM_BUILD_INFO_H

/// The git commit the binary was built from, or "unknown" (a build from a tarball, or a
/// plain `swift build` that did not go through the Makefile's stamp).
const char *qm_build_commit(void);

#endif
