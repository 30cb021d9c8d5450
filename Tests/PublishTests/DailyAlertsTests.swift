import Publish
import SeekCore
import Testing

/// The daily job's own alerts and the alerts file, as pure functions.
@Suite struct DailyAlertsTests {
    @Test func dataUpdatedGivesTheCommitAndTheDiffReport() {
        let diff = "## Models\n\n| model | change |\n|---|---|\n| GLM-6 | new |\n\n"
        let alert = DailyAlerts.dataUpdated(commitSummary: "data: 2026-11-24 (1 model added)\n\nlonger text",
                                            commit: "3f2a9c1e5b7d9f11aa22bb33", diffMarkdown: diff,
                                            runURL: "https://github.com/o/r/actions/runs/42")
        #expect(alert.subject == "Data updated")
        #expect(alert.body == """
            The daily run committed new data.

            Commit: 3f2a9c1e5b7d data: 2026-11-24 (1 model added)
            Run: https://github.com/o/r/actions/runs/42

            ## Models

            | model | change |
            |---|---|
            | GLM-6 | new |

            """)
    }

    @Test func dataUpdatedSaysWhenTheReportIsEmpty() {
        let alert = DailyAlerts.dataUpdated(commitSummary: "data: 2026-11-24", diffMarkdown: "\n")
        #expect(alert.body == "The daily run committed new data.\n\nCommit: data: 2026-11-24\n\n(The data-diff report is empty.)\n")
    }

    @Test func pipelineFailedOnTheLastAttemptSaysWhatToDo() {
        let alert = DailyAlerts.pipelineFailed(error: "GET https://x/version failed: timed out\n", attempt: 3, of: 3,
                                               runURL: "https://github.com/o/r/actions/runs/7")
        #expect(alert.subject == "Pipeline failed")
        #expect(alert.body == """
            The daily run failed on attempt 3 of 3.

            Error:
            GET https://x/version failed: timed out

            What to do:
            - Nothing was committed or pushed: the site keeps the previous data.
            - Read the log of the run (https://github.com/o/r/actions/runs/7) and fix the cause.
            - Then re-run the daily workflow (Actions → daily → Run workflow), or wait for tomorrow's run.

            """)
    }

    @Test func pipelineFailedBeforeTheLastAttemptSaysItRetries() {
        let alert = DailyAlerts.pipelineFailed(error: "boom", attempt: 1, of: 3)
        #expect(alert.body.hasPrefix("The daily run failed on attempt 1 of 3.\n"))
        #expect(alert.body.contains("- Nothing yet: the job tries again (attempt 2 of 3). Act only if that fails too.\n"))
    }

    @Test func theRunURLComesFromGitHubActionsVariables() {
        let environment = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "99"]
        #expect(DailyAlerts.runURL(environment: environment) == "https://github.com/o/r/actions/runs/99")
        #expect(DailyAlerts.runURL(environment: [:]) == nil)
    }
}
