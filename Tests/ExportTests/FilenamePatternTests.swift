import Export
import Foundation
import Testing

@Suite struct FilenamePatternTests {
    @Test func everyPlaceholderIsFilledInUTC() {
        let date = Date(timeIntervalSince1970: 1_787_405_405)  // 2026-08-22T13:30:05Z
        #expect(FilenamePattern.render("gpus-{date}-{time}.json", date: date) == "gpus-2026-08-22-133005.json")
        #expect(FilenamePattern.render("{year}/{month}/{day}/{hour}{minute}{second}-{timestamp}", date: date)
                == "2026/08/22/133005-1787405405")
        #expect(FilenamePattern.unknownPlaceholders(in: "a-{week}-{date}-{x}") == ["week", "x"])
        #expect(FilenamePattern.unknownPlaceholders(in: "plain.csv").isEmpty)
    }
}
