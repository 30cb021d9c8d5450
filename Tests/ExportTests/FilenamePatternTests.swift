import Export
import Foundation
import Testing

@Suite struct FilenamePatternTests {
    @Test func everyPlaceholderIsFilledInUTC() {
        let date = Date(timeIntervalSince1970: 1_787_405_405)  // 2026-08-22T13:30:05Z
        // {time} and {timestamp} as gpuport writes them: %H-%M-%S and %Y%m%d-%H%M%S.
        #expect(FilenamePattern.render("gpus-{date}-{time}.json", date: date) == "gpus-2026-08-22-13-30-05.json")
        #expect(FilenamePattern.render("{year}/{month}/{day}/{hour}{minute}{second}-{timestamp}", date: date)
                == "2026/08/22/133005-20260822-133005")
        #expect(FilenamePattern.render("{date}/gpus_{time}.json.gz", date: Date(timeIntervalSince1970: 1_767_225_599.9))
                == "2025-12-31/gpus_23-59-59.json.gz")
        #expect(FilenamePattern.unknownPlaceholders(in: "a-{week}-{date}-{x}") == ["week", "x"])
        #expect(FilenamePattern.unknownPlaceholders(in: "plain.csv").isEmpty)
    }
}
