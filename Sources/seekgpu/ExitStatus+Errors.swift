import ArgumentParser
import ConfigKit
import Dataset
import Feeds
import SeekCore

extension ExitStatus {
    /// The status an error ends a command with: the one mapping every command uses.
    init(for error: any Error) {
        switch error {
        case let code as ExitCode: self = ExitStatus(rawValue: code.rawValue) ?? .failure
        case is ValidationError: self = .usage
        case is FormatChangeError, is DatasetError, is PublishedFileError, is ModelConfigError, is VLLMLogCasesError:
            self = .dataFormat
        case is SourceUnavailableError: self = .unavailable
        case is ConfigFileError, is MissingAPIPricingError: self = .configuration
        default: self = .failure
        }
    }
}

/// Runs a command's body: an error is printed once as `Error: <message>` and the command exits with
/// its ``ExitStatus``, the same for every command.
func exitingOnError(_ console: Console, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let code as ExitCode {
        throw code
    } catch let error as ValidationError {
        // Thrown from run(), ArgumentParser would print the root command's usage; this one is ours.
        console.error(error.message)
        throw ExitCode(ExitStatus.usage.rawValue)
    } catch let error as ConfigFileError {
        console.problems(error, consequence: "fix \(error.problems.count == 1 ? "it" : "them") and run again")
        throw ExitCode(ExitStatus.configuration.rawValue)
    } catch {
        console.error("\(error)")
        throw ExitCode(ExitStatus(for: error).rawValue)
    }
}
