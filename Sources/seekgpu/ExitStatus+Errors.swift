import ArgumentParser
import ConfigKit
import Dataset
import Feeds
import SeekCore
import Site

extension ExitStatus {
    /// The status an error ends a command with: the one mapping every command uses.
    init(for error: any Error) {
        switch error {
        case let code as ExitCode: self = ExitStatus(rawValue: code.rawValue) ?? .failure
        case is ValidationError: self = .usage
        case is FormatChangeError, is DatasetError, is PublishedFileError, is ModelConfigError, is VLLMLogCasesError,
             is UnreadableDataError:
            self = .dataFormat
        case is SourceUnavailableError: self = .unavailable
        case is ConfigFileError, is MissingAPIPricingError, is EnvironmentSettingError, is SiteAssetsError: self = .configuration
        default: self = .failure
        }
    }
}

/// Runs a command's body: an error is printed once (``Console/report(_:)``) and the command exits with
/// its ``ExitStatus``, the same for every command.
func exitingOnError(_ console: Console, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let code as ExitCode {
        throw code
    } catch {
        throw ExitCode(console.report(error).rawValue)
    }
}

extension Console {
    /// Prints `error` the way every command does: `Error: <message>`, or for a configuration file every
    /// problem as `FILE:LINE:COLUMN: message` and then the summary.
    /// - Returns: the status the error ends a command with.
    @discardableResult
    func report(_ error: any Error) -> ExitStatus {
        switch error {
        case let error as ValidationError:
            // Thrown from run(), ArgumentParser would print the root command's usage; this one is ours.
            self.error(error.message)
            return .usage
        case let error as ConfigFileError:
            problems(error, consequence: "fix \(error.problems.count == 1 ? "it" : "them") and run again")
            return .configuration
        default:
            self.error("\(error)")
            return ExitStatus(for: error)
        }
    }
}
