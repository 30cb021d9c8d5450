// libgit2 plus typed wrappers for its variadic calls, which Swift cannot call directly.
#ifndef SEEKGPU_CGIT2_SHIM_H
#define SEEKGPU_CGIT2_SHIM_H
#include <git2.h>

/// Stops libgit2 from reading the system-level git config (`/etc/gitconfig`), whose
/// `url.<base>.insteadOf` rules would silently redirect remotes on build machines.
static inline int seekgpu_git_disable_system_config(void) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, "");
}

/// Turns off libgit2's check that a repository is owned by the current user
/// (checkouts in containers and CI are often owned by another uid).
static inline int seekgpu_git_disable_owner_validation(void) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}
#endif
