/// Reads the times of usage logs into Unix milliseconds: Unix milliseconds (13 digits or more), Unix seconds
/// (fewer digits, a fraction allowed), or ISO 8601 with an offset (`2026-12-07T10:15:30Z`,
/// `2026-12-07T10:15:30.250+01:00`). A time without an offset is refused: it would be read in some zone.
public enum UsageTimestamp {
    /// The time in Unix milliseconds, or nil when `text` is none of the accepted forms.
    public static func milliseconds(_ text: String) -> Int64? {
        let text = text.trimmingSpaces
        guard let first = text.unicodeScalars.first else { return nil }
        if text.contains("-") && text.count >= 20 && first != "-" { return iso8601(text) }
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        let digits = text.prefix { $0 != "." }.count
        if digits >= 13 { return text.contains(".") ? Int64(value.rounded()) : Int64(text) }
        return Int64((value * 1000).rounded())
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`, `T` or a space between date and time.
    static func iso8601(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 20, chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 32 || chars[10] == 116,
              chars[13] == 58, chars[16] == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if index < chars.count, chars[index] == 46 {  // fraction
            index += 1
            var scale = 100
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                millis += Int(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < chars.count else { return nil }
        var offsetMinutes = 0
        switch chars[index] {
        case 90, 122:  // Z
            guard index + 1 == chars.count else { return nil }
        case 43, 45:  // + -
            let sign = chars[index] == 45 ? -1 : 1
            let rest = chars.count - index - 1
            guard let h = number(index + 1..<index + 3) else { return nil }
            let m: Int?
            if rest == 5, chars[index + 3] == 58 { m = number(index + 4..<index + 6) } else if rest == 4 { m = number(index + 3..<index + 5) } else { m = nil }
            guard let m, h < 24, m < 60 else { return nil }
            offsetMinutes = sign * (h * 60 + m)
        default:
            return nil
        }
        guard day <= daysIn(month: month, year: year) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millis)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
