import ArgumentParser
import SeekCore

/// The `seekgpu` command: builds the Coding Model Seeks GPU data and site.
@main
struct SeekGPU: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seekgpu",
        abstract: "Builds the Coding Model Seeks GPU data and site.",
        discussion: """
            Reads the OpenHands Index history (a git submodule, through libgit2) and writes dated \
            leaderboard snapshots as static JSON under OUT/data/.
            """,
        version: ProjectInfo.version,
        subcommands: [Generate.self, Diff.self, PublishCommand.self, Daily.self, ExportCommand.self, ValidateCommand.self,
                      Size.self, Recommend.self, UsageCommand.self])
}

/// Options every command that reads or writes the site shares.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The OpenHands Index repository (work tree or bare).", valueName: "path"))
    var index = "openhands-index"

    @Option(help: ArgumentHelp("Directory the site is written to; data goes to DIR/data/.", valueName: "dir"))
    var out = "web/public"

    @Option(help: ArgumentHelp("Directory of the maintainer-edited tables (openhands-index.yaml, …).", valueName: "dir"))
    var config = "config"

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print every invalid file and the per-snapshot change report.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }
}
