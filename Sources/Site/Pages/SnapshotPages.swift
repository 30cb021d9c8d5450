import Foundation
import Plot
import SeekCore

/// Past leaderboards: one pre-rendered page per published snapshot at `snapshots/DATE/`
/// (a permalink that works without JavaScript), and the list of dates linking to them.
///
/// Only dates name folders; model names never become paths.
public enum SnapshotPages {
    /// The site-relative path of a snapshot's page, e.g. `snapshots/2026-06-18/index.html`.
    public static func path(of day: Day) -> String { "snapshots/\(day.iso)/index.html" }

    /// The page of one snapshot: every category's leaderboard, overall first.
    /// - Parameter modelPages: The models with a model page, linked from the leaderboards.
    public static func render(_ snapshot: Snapshot, all days: [Day], modelPages: Set<String> = [],
                              chrome: SiteChrome = SiteChrome()) -> String {
        let date = SiteFormat.date(snapshot.day)
        let shell = PageShell(title: "Leaderboard of \(date) · \(PageShell.siteName)", section: .performance,
                              rootPath: "../../", chrome: chrome)
        let categories = SiteWriter.categories(of: snapshot)
        return shell.render(.group(
            .h1(.text("Leaderboard of \(date)")),
            .p(escapedAttribute("class", "lede"),
               .text("The OpenHands Index as it stood at the end of \(date) (UTC).")),
            .forEach(categories) { category in
                .component(LeaderboardTable(snapshot: snapshot, category: category, modelPages: modelPages, rootPath: "../../"))
            },
            dateList(days, current: snapshot.day, rootPath: "../../")
        ))
    }

    /// A navigation list of every snapshot date, newest first, linking to its page.
    public static func dateList(_ days: [Day], current: Day?, rootPath: String) -> Node<HTML.BodyContext> {
        guard !days.isEmpty else { return .empty }
        return .nav(
            escapedAttribute("class", "snapshot-dates"),
            escapedAttribute("aria-label", "Past leaderboards"),
            .h2(.text("Past leaderboards")),
            .ul(.forEach(days.sorted(by: >)) { day in
                .li(.a(
                    escapedAttribute("href", rootPath + "snapshots/\(day.iso)/"),
                    .if(day == current, escapedAttribute("aria-current", "page")),
                    .text(SiteFormat.date(day))
                ))
            })
        )
    }
}
