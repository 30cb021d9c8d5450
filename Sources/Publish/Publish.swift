/// Publishing the generated site: what changed in the data (`DataDiff`), committing and pushing
/// only a real change (`Publisher`), and e-mailing the maintainers (`AlertMailer`).
///
/// I/O goes through GitKit (libgit2) and NetKit (libcurl); the diff and message building are pure.
public enum PublishModule {
    /// The committer and author name used when the environment names none.
    public static let defaultBotName = "seekgpu-bot"
}
