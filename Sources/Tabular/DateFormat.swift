/// How a date column is written in an export.
///
/// `automatic` accepts the shapes hospital systems actually emit — ISO `2026-07-01`,
/// US `7/1/2026`, European `1.7.2026`, compact `20260701`, month periods `2026-07`,
/// and our own period labels `2026-W27` / `2026-Q3` — each with an optional time part.
/// Slashes are read month-first (the US convention of most clinical systems) unless the file
/// itself shows them day-first: a date that reads only so in any of its date columns, and none
/// only month-first in any, turns the whole file's slash dates day-first (`DayMonthEvidence`).
/// An export whose dates could all be either way is read day-first when its numbers are read
/// with a decimal comma (`DayFirstWitness.byDecimalComma`), else month-first, with a note
/// either way (`EitherWaySpans`); an explicit pattern such as `DD/MM/YYYY` (`dmy`) is always
/// read as given.
public enum DateFormat: Sendable, Equatable, CustomStringConvertible {
    case automatic
    case pattern([DatePatternToken])

    public enum DatePatternToken: Sendable, Equatable {
        case year4, year2, month, day
        /// `MMM` / `MMMM`: a month name, abbreviated (`Jun`, `ene`, `Mär`) or in full (`June`,
        /// `enero`, `März`), in any of the languages `DateParser.monthSpellingLists` holds, any
        /// case; both read either form, `full` only says how the pattern was written.
        case monthName(full: Bool)
        case literal(UInt8)
    }

    /// Reads a user's format: `auto`, `iso`, `mdy`, `dmy`, `ymd`, or a pattern made of
    /// `YYYY`, `YY`, `MM`/`M`, `MMM`/`MMMM` (month name), `DD`/`D` and separators, e.g.
    /// `DD/MM/YYYY` or `DD-MMM-YY`.
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "", "auto", "automatic": self = .automatic; return
        case "iso", "ymd": self = .pattern([.year4, .literal(UInt8(ascii: "-")), .month, .literal(UInt8(ascii: "-")), .day]); return
        case "mdy", "us": self = .pattern([.month, .literal(UInt8(ascii: "/")), .day, .literal(UInt8(ascii: "/")), .year4]); return
        case "dmy": self = .pattern([.day, .literal(UInt8(ascii: "/")), .month, .literal(UInt8(ascii: "/")), .year4]); return
        default: break
        }
        var tokens: [DatePatternToken] = []
        let chars = Array(text.utf8)
        var i = 0
        var seen = Set<String>()
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            switch (c, run) {
            case (UInt8(ascii: "Y"), 4), (UInt8(ascii: "y"), 4): tokens.append(.year4); seen.insert("Y")
            case (UInt8(ascii: "Y"), 2), (UInt8(ascii: "y"), 2): tokens.append(.year2); seen.insert("Y")
            case (UInt8(ascii: "M"), 1...2), (UInt8(ascii: "m"), 1...2): tokens.append(.month); seen.insert("M")
            case (UInt8(ascii: "M"), 3...4), (UInt8(ascii: "m"), 3...4): tokens.append(.monthName(full: run == 4)); seen.insert("M")
            case (UInt8(ascii: "D"), 1...2), (UInt8(ascii: "d"), 1...2): tokens.append(.day); seen.insert("D")
            case (let b, _) where !(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) && !(b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) && !(b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")):
                for _ in 0..<run { tokens.append(.literal(b)) }
            default:
                throw UsageError("date format '\(text)' is not understood; use auto, iso, mdy, dmy, or a pattern like DD/MM/YYYY (tokens YYYY, YY, MM, MMM, MMMM, DD)")
            }
            i += run
        }
        guard seen.contains("Y"), seen.contains("M") else {
            throw UsageError("date format '\(text)' needs at least a year (YYYY) and a month (MM)")
        }
        self = .pattern(tokens)
    }

    public var description: String {
        switch self {
        case .automatic: return "auto"
        case .pattern(let tokens):
            return tokens.map { t -> String in
                switch t {
                case .year4: return "YYYY"
                case .year2: return "YY"
                case .month: return "MM"
                case .monthName(let full): return full ? "MMMM" : "MMM"
                case .day: return "DD"
                case .literal(let b): return String(UnicodeScalar(b))
                }
            }.joined()
        }
    }
}
