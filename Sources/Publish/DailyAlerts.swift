import SeekCore

/// The daily job's own alerts, as pure functions of what happened.
///
/// The steps' alerts ("Data format breaking change in gpuhunt", "Missing HuggingFace mapping for …",
/// "Unsupported architecture for …", …) arrive as ``SeekCore/Alert`` values in the generate run's
/// result and are mailed unchanged; these two are added by the job itself.
/// Subjects are without the prefix, which ``AlertMailer`` adds.
public enum DailyAlerts {
    /// "Data updated": the daily run committed new data. Send it only when a commit was made.
    ///
    /// The body gives the commit (short id and summary line), the run's log when known, then the data-diff report.
    /// - Parameters:
    ///   - commitSummary: the commit message's first line, e.g. `data: 2026-11-24 (3 models, 41 offers changed)`.
    ///   - commit: the commit id (shortened to 12 characters), or nil.
    ///   - diffMarkdown: the data-diff report in markdown, as `seekgpu diff` writes it; may be empty.
    ///   - runURL: the CI run's page, or nil (see ``runURL(environment:)``).
    /// - Returns: the alert.
    public static func dataUpdated(commitSummary: String, commit: String? = nil, diffMarkdown: String,
                                   runURL: String? = nil) -> Alert {
        let summary = commitSummary.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        var lines = ["The daily run committed new data.", ""]
        lines.append("Commit: " + [commit.map { String($0.prefix(12)) }, summary].compactMap { $0 }.joined(separator: " "))
        if let runURL { lines.append("Run: \(runURL)") }
        lines.append("")
        let report = diffMarkdown.trimmingTrailingNewlines()
        lines.append(report.isEmpty ? "(The data-diff report is empty.)" : report)
        return Alert(subject: "Data updated", body: lines.joined(separator: "\n") + "\n")
    }

    /// "Pipeline failed": a daily run attempt failed.
    ///
    /// The body names the attempt, quotes the error and says what to do: nothing yet when another attempt follows;
    /// otherwise read the log, fix the cause and re-run the workflow (nothing was committed, the site keeps the
    /// previous data).
    /// - Parameters:
    ///   - error: the error text (it must not contain secrets; seekgpu's errors never do).
    ///   - attempt: the failed attempt, 1-based.
    ///   - attempts: how many attempts the job makes in all.
    ///   - runURL: the CI run's page, or nil.
    /// - Returns: the alert.
    public static func pipelineFailed(error: String, attempt: Int, of attempts: Int, runURL: String? = nil) -> Alert {
        let total = max(attempts, attempt)
        var lines = ["The daily run failed on attempt \(attempt) of \(total).", "", "Error:"]
        lines.append(error.trimmingTrailingNewlines())
        lines += ["", "What to do:"]
        if attempt < total {
            lines.append("- Nothing yet: the job tries again (attempt \(attempt + 1) of \(total)). Act only if that fails too.")
        } else {
            lines.append("- Nothing was committed or pushed: the site keeps the previous data.")
            lines.append("- Read the log of the run" + (runURL.map { " (\($0))" } ?? "") + " and fix the cause.")
            lines.append("- Then re-run the daily workflow (Actions → daily → Run workflow), or wait for tomorrow's run.")
        }
        if let runURL, attempt < total { lines += ["", "Run: \(runURL)"] }
        return Alert(subject: "Pipeline failed", body: lines.joined(separator: "\n") + "\n")
    }

    /// The page of the current GitHub Actions run,
    /// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID`, or nil outside Actions.
    /// - Parameter environment: the process environment.
    /// - Returns: the URL, or nil when a variable is missing.
    public static func runURL(environment: [String: String]) -> String? {
        guard let server = environment["GITHUB_SERVER_URL"], !server.isEmpty,
              let repository = environment["GITHUB_REPOSITORY"], !repository.isEmpty,
              let run = environment["GITHUB_RUN_ID"], !run.isEmpty else {
            return nil
        }
        return "\(server)/\(repository)/actions/runs/\(run)"
    }
}

extension String {
    /// The text without trailing line breaks and spaces.
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
