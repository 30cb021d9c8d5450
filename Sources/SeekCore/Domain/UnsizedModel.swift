/// An open-weights model of the leaderboard that `models.json` has no row for, why, and what a
/// maintainer does about it: one row of `unsized_models.json`, written by the models step so the site
/// can list every ranked open model, sized or not.
public struct UnsizedModel: Sendable, Hashable {
    /// Why the model has no size.
    public enum Reason: String, Sendable, CaseIterable {
        /// The leaderboard ranks it but `config/models.yaml` does not list it.
        case notInCatalog = "not_in_catalog"
        /// Hugging Face answered 404 for its `config.json`.
        case configNotFound = "config_not_found"
        /// The repository is gated (HTTP 401/403).
        case gated
        /// Its `model_type` is not in `config/model-architectures.yaml`.
        case unsupportedArchitecture = "unsupported_architecture"
        /// The config was fetched but could not be read (not JSON, a field missing).
        case invalidConfig = "invalid_config"
        /// Hugging Face could not be reached and there was no earlier row to keep.
        case unreachable
        /// Not in `unsized_models.json` either: the models step has not run since the model entered
        /// the leaderboard. Only the site uses it; the models step never writes it.
        case notFetched = "not_fetched"

        /// A visitor's short phrase: `no config.json on Hugging Face`.
        public var summary: String {
            switch self {
            case .notInCatalog: "not yet mapped to a Hugging Face repository"
            case .configNotFound: "no config.json on Hugging Face"
            case .gated: "gated on Hugging Face"
            case .unsupportedArchitecture: "architecture not supported yet"
            case .invalidConfig: "config.json could not be read"
            case .unreachable: "Hugging Face could not be reached"
            case .notFetched: "not fetched yet"
            }
        }

        /// What a maintainer does about it.
        public var action: String {
            switch self {
            case .notInCatalog: "add the model and its hf_repo to config/models.yaml"
            case .configNotFound: "check hf_repo in config/models.yaml"
            case .gated: "set HF_TOKEN to a token that can read the repository"
            case .unsupportedArchitecture: "add its model_type to config/model-architectures.yaml"
            case .invalidConfig: "check the repository's config.json, or point hf_repo at one that has it"
            case .unreachable: "re-run the models step; the next daily run retries"
            case .notFetched: "run seekgpu generate --step models"
            }
        }
    }

    /// The leaderboard's name, e.g. `DeepSeek-V4`.
    public var modelName: String
    /// Why it has no size.
    public var reason: Reason
    /// The step's own message (the URL and HTTP status, the unsupported `model_type`); no secrets.
    public var detail: String

    /// Creates a row.
    public init(modelName: String, reason: Reason, detail: String = "") {
        self.modelName = modelName
        self.reason = reason
        self.detail = detail
    }
}
