import SeekCore
import Testing

@Suite("PythonFloat")
struct PythonFloatTests {
    @Test("repr matches CPython", arguments: reprGoldens)
    func reprMatchesPython(_ value: Double, _ expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }

    @Test("repr round-trips to the same double", arguments: reprGoldens)
    func reprRoundTrips(_ value: Double, _ expected: String) {
        guard value.isFinite else { return }
        #expect(Double(PythonFloat.repr(value))?.bitPattern == value.bitPattern)
    }

    @Test(
        "repr switches between positional and scientific notation where Python does",
        arguments: [
            (75.0, "75.0"), (0.0001, "0.0001"), (1e-05, "1e-05"), (1.25e-05, "1.25e-05"), (-2.5e-07, "-2.5e-07"),
            (1234567890123456.0, "1234567890123456.0"), (1e16, "1e+16"), (1.5e16, "1.5e+16"), (-0.0, "-0.0"),
            (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"), (1e100, "1e+100"),
            (.leastNonzeroMagnitude, "5e-324"), (0.1 + 0.2, "0.30000000000000004"),
        ])
    func reprLayout(_ value: Double, _ expected: String) {
        #expect(PythonFloat.repr(value) == expected)
    }

    @Test("format g matches CPython", arguments: formatGGoldens)
    func formatGMatchesPython(_ value: Double, _ expected: String) {
        #expect(PythonFloat.formatG(value) == expected)
    }

    @Test(
        "format g strips trailing zeros and uses six significant digits",
        arguments: [(45.0, "45"), (38.5, "38.5"), (1e-05, "1e-05"), (1234567.0, "1.23457e+06"), (0.0, "0"), (-0.0, "-0")])
    func formatGExamples(_ value: Double, _ expected: String) {
        #expect(PythonFloat.formatG(value) == expected)
    }
}
