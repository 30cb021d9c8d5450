import CGit2

/// Process-wide libgit2 set-up, done once before the first repository is opened.
///
/// Besides `git_libgit2_init`, it stops libgit2 from reading the system git config, whose
/// `url.<base>.insteadOf` rules silently redirect github.com remotes on the build machines,
/// and turns off the repository owner check, which fails for checkouts owned by another uid
/// (containers, CI). Both are verified in `shared/docs/toolchain-notes.md` §8.
enum GitLibrary {
    private static let setUp: Void = {
        git_libgit2_init()
        _ = seekgpu_git_disable_system_config()
        _ = seekgpu_git_disable_owner_validation()
    }()

    /// Makes sure libgit2 is initialised; cheap after the first call.
    static func ensureInitialized() { _ = setUp }
}
