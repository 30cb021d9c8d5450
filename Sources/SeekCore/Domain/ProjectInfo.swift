/// What seekgpu says about itself: its version (the `--version` output, the site's header, the
/// HTTP User-Agent) and where it lives.
public enum ProjectInfo {
    /// The release version.
    public static let version = "0.1.0"
    /// The project's repository.
    public static let repositoryURL = "https://github.com/seekgpu/seekgpu"
}
