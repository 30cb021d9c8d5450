import SeekCore
import Testing

/// Bit-identical comparison (distinguishes -0.0), treating all NaNs as equal.
private func identical(_ lhs: Double?, _ rhs: Double) -> Bool {
    guard let lhs else { return false }
    return lhs.bitPattern == rhs.bitPattern || (lhs.isNaN && rhs.isNaN)
}

@Suite("PythonMath")
struct PythonMathTests {
    @Test("round matches CPython's round(x, n)", arguments: roundGoldens)
    func roundMatchesPython(_ value: Double, _ places: Int, _ expected: Double) {
        let rounded = PythonMath.round(value, places: places)
        #expect(identical(rounded, expected), "round(\(PythonFloat.repr(value)), \(places)) gave \(PythonFloat.repr(rounded)), Python \(PythonFloat.repr(expected))")
    }

    @Test("round resolves exact binary ties to even and inexact ties by the true value")
    func roundTies() {
        #expect(PythonMath.round(0.125, places: 2) == 0.12)
        #expect(PythonMath.round(0.375, places: 2) == 0.38)
        #expect(PythonMath.round(2.675, places: 2) == 2.67)
        #expect(PythonMath.round(0.5, places: 0) == 0.0)
        #expect(PythonMath.round(1.5, places: 0) == 2.0)
        #expect(PythonMath.round(2.5, places: 0) == 2.0)
        #expect(PythonMath.round(-0.4, places: 0).sign == .minus)
        #expect(PythonMath.round(25.0, places: -1) == 20.0)
        #expect(PythonMath.round(35.0, places: -1) == 40.0)
    }

    @Test("mean matches CPython's statistics.mean", arguments: meanGoldens)
    func meanMatchesPython(_ values: [Double], _ expected: Double) {
        let mean = PythonMath.mean(values)
        #expect(identical(mean, expected), "mean(\(values)) gave \(mean.map(PythonFloat.repr) ?? "nil"), Python \(PythonFloat.repr(expected))")
    }

    @Test("mean is exact where naive summation is not")
    func meanIsExact() {
        let mean = PythonMath.mean([76.6, 37.5, 69.1, 78.5, 41.2])
        #expect(mean.map { PythonMath.round($0, places: 1) } == 60.6)
        #expect(PythonMath.mean([0.12, 0.13]) == 0.125)
        #expect(PythonMath.mean([1e16, 1.0, -1e16]) == 1.0 / 3.0)
        #expect(PythonMath.mean(Array(repeating: 0.1, count: 10_000)) == 0.1)
        #expect(PythonMath.mean([1.7976931348623157e308, 1.7976931348623157e308]) == 1.7976931348623157e308)
        #expect(PythonMath.mean([.leastNonzeroMagnitude, 0.0]) == 0.0)
        #expect(PythonMath.mean([.leastNonzeroMagnitude, .leastNonzeroMagnitude, .leastNonzeroMagnitude]) == .leastNonzeroMagnitude)
    }

    @Test("mean of nothing is nil and of non-finite values NaN")
    func meanEdgeCases() {
        #expect(PythonMath.mean([]) == nil)
        #expect(PythonMath.mean([1.0, .infinity])?.isNaN == true)
        #expect(PythonMath.mean([.nan])?.isNaN == true)
        #expect(identical(PythonMath.mean([-0.0, -0.0]), 0.0))
    }
}
