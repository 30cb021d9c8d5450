@testable import Publish
import Testing

/// Money, percentages and signs as the report prints them, whatever the platform.
@Suite struct FormatTests {
    @Test(arguments: [(24.0, "$24.00"), (22.985, "$22.99"), (0.004, "$0.00"), (43_200.0, "$43,200.00"),
                      (1_234_567.891, "$1,234,567.89"), (-4.5, "\u{2212}$4.50")])
    func moneyHasTwoDecimalsAndSeparators(value: Double, text: String) {
        #expect(Format.money(value) == text)
    }

    @Test(arguments: [(-4.2083, "\u{2212}4.2%"), (6.05, "+6.1%"), (0.0, "±0.0%"), (-0.04, "±0.0%"), (100.0, "+100.0%")])
    func percentagesHaveASignAndOneDecimal(value: Double, text: String) {
        #expect(Format.percent(value) == text)
    }

    @Test func perTokenPricesReadAsDollarsPerMillionTokens() {
        #expect(Format.perMillionTokens(1.25e-5) == "$12.50/M")
        #expect(Format.perMillionTokens(1.5e-7) == "$0.15/M")
    }

    @Test func integersAndTableCells() {
        #expect(Format.integer(1_048_576) == "1,048,576")
        #expect(Format.integer(-999) == "\u{2212}999")
        #expect(Format.cell("a|b\nc") == "a\\|b c")
        #expect(Format.value(nil) == "—" && Format.value(.null) == "null" && Format.value(.double(678.3)) == "678.3")
    }
}
