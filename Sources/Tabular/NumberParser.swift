#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses quantities and money straight from field bytes.
///
/// Accepts what finance and materials systems export: `1234.5`, `1,234.50`, `$1,234.50`,
/// `$ 1,234.50`, `€1,234.50`, `-$12`, `(1,234.50)` and `$(1,234.50)` for negatives, a ledger's
/// `1,234.50-` and `1,234.50 CR` (a credit, negative; `DR` a debit, positive), and with
/// `decimalComma` the European `1.234,50` and `1.234,50 €`.
/// Rejects anything ambiguous rather than guessing: `1,2` with a decimal point is far more
/// likely a decimal comma than a thousands separator, so it is an error with a hint; so is
/// `0,750`, whose first group of 0 cannot start a grouped number (read as 750 it was a
/// thousand times the 0.75 a decimal-comma export meant). In a file separated by semicolons,
/// Europe's layout, `1.200` and `1,500` are both ambiguous (see `marksInDoubt`).
public struct NumberParser: Sendable {
    public let decimalComma: Bool
    /// What set `decimalComma`, for the advice on a number it cannot read (`0.50`).
    public var commaSource: DecimalCommaSource = .unstated
    /// In a file separated by semicolons, Europe's layout, a point before exactly three digits
    /// (`1.200`) and a lone comma before three (`1,500`) could each group thousands as much as
    /// mark decimals, and such a value is an error with a hint rather than a guess: the export
    /// that writes `800` and `1.200` means 1,200 (read as 1.2, a month of 30,800 came out
    /// 12,818), and a German export of 1,500 and 2,250 morphine units meant 1.5 and 2.25.
    /// Files separated by tabs or bars are in doubt only when their dates are written with
    /// points, day first (`01.03.2026`, see `DottedDates`): US extracts write `1,500` for
    /// thousands there as often as Europe's write it for 1.5, and nothing else tells them apart.
    /// Comma-separated files with such dates are in doubt too: an SAP goods-issue export wrote
    /// `Menge` as `800`, `950`, `1.050`, `1.200` beside `01.10.2025`, and with `1.200` read as
    /// 1.2 December came out 1,874 gloves where 26,150 was right (-93%), with no word.
    public let marksInDoubt: Bool

    /// Why the marks are in doubt, for the message: the file's semicolons, or its dotted dates.
    public let doubtfulBecause: String

    public init(decimalComma: Bool = false, marksInDoubt: Bool = false, because reason: String = "the file is separated by semicolons") {
        self.decimalComma = decimalComma
        self.marksInDoubt = marksInDoubt && !decimalComma
        doubtfulBecause = reason
    }

    /// The parser for a file's numbers: `decimalComma` as asked; unless the point is stated to
    /// be the decimal mark (`pointStated`), the marks are in doubt (`marksInDoubt`) in a file
    /// separated by semicolons, or by anything when its dates are dotted (`datesDotted`).
    public init(decimalComma: Bool, delimiter: UInt8, pointStated: Bool = false, datesDotted: Bool = false) {
        let semicolons = delimiter == UInt8(ascii: ";")
        self.init(decimalComma: decimalComma,
                  marksInDoubt: !pointStated && (semicolons || datesDotted),
                  because: semicolons ? "the file is separated by semicolons" : "the file's dates are written with points, day first")
    }

    @usableFromInline static let exactPowers: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// The value of the field, or nil when it is not a finite number.
    @inlinable
    public func parse(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        let decimalMark: UInt8 = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let groupMark: UInt8 = decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var i = 0, end = p.count
        while i < end, p[i] == 0x20 { i += 1 }
        // A trailing no-break space (`5\u{A0}`, as a French or Scandinavian Excel pads a number)
        // is one more space.
        while end > i, let space = NumberParser.spaceLength(endingAt: end, in: p, from: i) { end -= space }
        guard i < end else { return nil }

        var negative = false       // a parenthesised value may not also carry a sign: `(-5)` is rejected
        var parenthesised = false
        var sawSign = false, sawCurrency = false
        // What ledgers put after the number: a currency symbol (`1.234,50 €`), a credit or debit
        // mark (`1,234.50 CR` is -1,234.50), a trailing minus (`1,234.50-`, as SAP writes it).
        if p[end - 1] >= 0x80 || p[end - 1] == UInt8(ascii: "$") || p[end - 1] | 0x20 == UInt8(ascii: "r") || p[end - 1] == UInt8(ascii: "-") {
            if let symbol = NumberParser.currencySymbol(endingAt: end, in: p, from: i) {
                end -= symbol; sawCurrency = true
                while end > i, let space = NumberParser.spaceLength(endingAt: end, in: p, from: i) { end -= space }
            }
            if end - i >= 3, p[end - 1] | 0x20 == UInt8(ascii: "r"), p[end - 2] | 0x20 == UInt8(ascii: "c") || p[end - 2] | 0x20 == UInt8(ascii: "d") {
                negative = p[end - 2] | 0x20 == UInt8(ascii: "c"); sawSign = true
                end -= 2
                while end > i, p[end - 1] == 0x20 { end -= 1 }
            } else if end - i >= 2, p[end - 1] == UInt8(ascii: "-") {
                negative = true; sawSign = true
                end -= 1
            }
            guard i < end else { return nil }
        }
        // A currency symbol before a parenthesised amount: `$(1,234.50)`.
        if !sawCurrency, let symbol = NumberParser.currencySymbol(at: i, in: p, before: end) {
            var j = i + symbol
            while j < end, p[j] == 0x20 { j += 1 }
            if j < end, p[j] == UInt8(ascii: "(") { i = j; sawCurrency = true }
        }
        if p[i] == UInt8(ascii: "(") {
            guard !sawSign else { return nil }
            guard p[end - 1] == UInt8(ascii: ")") else { return nil }
            parenthesised = true
            i += 1; end -= 1
        }
        // Sign and currency symbol, in either order: -$5, $-5, +5, $ 5, €5.
        while i < end {
            let c = p[i]
            if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && !sawSign && !parenthesised {
                negative = c == UInt8(ascii: "-"); sawSign = true; i += 1
            } else if !sawCurrency, let symbol = NumberParser.currencySymbol(at: i, in: p, before: end) {
                sawCurrency = true; i += symbol
                while i < end, p[i] == 0x20 { i += 1 }
            } else { break }
        }
        guard i < end else { return nil }

        var mantissa: UInt64 = 0
        var significant = 0          // digits kept in `mantissa`
        var droppedIntegerDigits = 0  // integer digits beyond 19 significant ones
        var fractionDigits = 0
        var digitsSeen = 0
        var groupRun = -1             // digits since the last thousands separator; -1 = none yet
        var sawDecimal = false
        var groups = 0                // thousands separators seen
        var groupWidth = 0            // bytes of the first separator: `.` or a space (decimal comma), one spelling per number
        var integerDigits = 0, integerIsZero = true
        while i < end {
            let c = p[i]
            let d = c &- 48
            if d <= 9 {
                if significant < 19 {
                    if mantissa != 0 || d != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if sawDecimal { fractionDigits += 1 }
                } else if !sawDecimal {
                    droppedIntegerDigits += 1
                }
                digitsSeen += 1
                if groupRun >= 0 && !sawDecimal { groupRun += 1 }
                i += 1
            } else if !sawDecimal, let width = c == groupMark ? 1 : decimalComma ? NumberParser.spaceLength(at: i, in: p, before: end) : nil {
                // Thousands separators must split the integer part into groups of three, after a
                // first group that is not zero: `0,750` and `00,500` group nothing, so the mark
                // is a decimal one (the other setting's), as ambiguous as `0,5`. With a decimal
                // comma a space groups them too (`1 234,5`, and the no-break and narrow
                // no-break spaces French and Scandinavian exports write), one kind per number.
                let kind = width == 1 ? Int(c) : -width
                guard digitsSeen > 0, groupRun == -1 ? digitsSeen <= 3 && mantissa != 0 : groupRun == 3,
                      groupWidth == 0 || groupWidth == kind else { return nil }
                groupWidth = kind
                groups += 1
                groupRun = 0
                i += width
            } else if c == decimalMark && !sawDecimal {
                if groups > 0 && groupRun != 3 { return nil }
                sawDecimal = true
                integerDigits = digitsSeen
                integerIsZero = mantissa == 0
                i += 1
            } else {
                break
            }
        }
        guard digitsSeen > 0 else { return nil }
        if groups > 0 && !sawDecimal && groupRun != 3 { return nil }
        if marksInDoubt && sawDecimal && groups == 0 && i == end && !integerIsZero && integerDigits <= 3 && digitsSeen - integerDigits == 3 { return nil }
        // And the other way round: one comma before three digits (`1,500`: 1.5 in the export that
        // writes `1.200` for 1,200). Two groups (`12,345,678`) or a decimal point (`1,500.25`) are not.
        if marksInDoubt && groups == 1 && !sawDecimal && i == end { return nil }
        var exponent = droppedIntegerDigits - fractionDigits
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            var e = 0, n = 0
            while i < end, p[i] &- 48 <= 9 { e = min(e * 10 + Int(p[i] &- 48), 100_000); n += 1; i += 1 }
            guard n > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }

        var value: Double
        if mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            // Exact: both operands are exactly representable, so one rounding happens.
            let m = Double(mantissa)
            value = exponent < 0 ? m / NumberParser.exactPowers[-exponent] : m * NumberParser.exactPowers[exponent]
        } else {
            value = NumberParser.slowPath(mantissa: mantissa, exponent: exponent)
        }
        guard value.isFinite else { return nil }
        return negative || parenthesised ? -value : value
    }

    /// The length in bytes of a space starting at `i`: 1 for ` `, 2 for the no-break space
    /// U+00A0 (Windows-1252's 0xA0, transcoded), 3 for the narrow no-break space U+202F; nil
    /// for anything else.
    @inlinable @inline(__always)
    static func spaceLength(at i: Int, in p: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let c = p[i]
        if c == 0x20 { return 1 }
        if c == 0xC2, i + 1 < end, p[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < end, p[i + 1] == 0x80, p[i + 2] == 0xAF { return 3 }
        return nil
    }

    /// The length in bytes of a space (as `spaceLength(at:)`) ending just before `end`, or nil.
    @inlinable @inline(__always)
    static func spaceLength(endingAt end: Int, in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let c = p[end - 1]
        if c == 0x20 { return 1 }
        if c == 0xA0, end - start >= 2, p[end - 2] == 0xC2 { return 2 }
        if c == 0xAF, end - start >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80 { return 3 }
        return nil
    }

    /// The length in bytes of a currency symbol ($, €, £, ¥) starting at `i`, or nil.
    @inlinable
    static func currencySymbol(at i: Int, in p: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let c = p[i]
        if c == UInt8(ascii: "$") { return 1 }
        if c == 0xC2, i + 1 < end, p[i + 1] == 0xA3 || p[i + 1] == 0xA5 { return 2 }                  // £ ¥
        if c == 0xE2, i + 2 < end, p[i + 1] == 0x82, p[i + 2] == 0xAC { return 3 }                     // €
        return nil
    }

    /// The length in bytes of a currency symbol ending just before `end`, or nil.
    @inlinable
    static func currencySymbol(endingAt end: Int, in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if p[end - 1] == UInt8(ascii: "$") { return 1 }
        if end - start >= 2, p[end - 2] == 0xC2, p[end - 1] == 0xA3 || p[end - 1] == 0xA5 { return 2 }
        if end - start >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x82, p[end - 1] == 0xAC { return 3 }
        return nil
    }

    public func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Correct rounding for the rare long or tiny values, through the C library.
    @usableFromInline
    static func slowPath(mantissa: UInt64, exponent: Int) -> Double {
        if mantissa == 0 { return 0 }
        let text = "\(mantissa)e\(exponent)"
        return text.withCString { strtod($0, nil) }
    }

    /// A sentence for a rejects file saying why a value is not a number.
    public func explainFailure(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: field, as: UTF8.self)
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return "number is empty" }
        let lower = trimmed.lowercased()
        if lower == "nan" || lower.hasSuffix("inf") || lower.hasSuffix("infinity") {
            return "'\(text.clipped)' is not a finite number"
        }
        if trimmed.allSatisfy({ $0.isNumber || $0 == "e" || $0 == "E" || $0 == "." || $0 == "-" || $0 == "+" }),
           Double(String(trimmed)).map({ !$0.isFinite }) == true {
            return "'\(text.clipped)' is out of range for a number"
        }
        if marksInDoubt, parse(field) == nil, NumberParser(decimalComma: false).parse(field) != nil, !trimmed.contains(".") {
            return "'\(text.clipped)' could be a decimal or thousands (\(doubtfulBecause), where ',' often marks decimals): if ',' is the decimal mark, use --decimal-comma (decimal: comma in a pipeline); if it groups thousands, use --decimal-point (decimal: point)"
        }
        if marksInDoubt, parse(field) == nil, NumberParser(decimalComma: false).parse(field) != nil {
            return "'\(text.clipped)' could be a decimal or thousands (\(doubtfulBecause), where '.' often groups thousands): if '.' groups thousands, use --decimal-comma (decimal: comma in a pipeline); if it is a decimal point, use --decimal-point (decimal: point)"
        }
        // `0.50` read with a decimal comma: a command's --decimal-comma reads all its files so
        // (`--decimal kind=comma` some of them), and a US item master beside a German usage
        // export was refused as "not a number" without a word on why. The advice is for where
        // the comma was set: it named --decimal-comma and `--decimal budget=comma` whatever set
        // it, on aggregate (one file), for `--decimal actuals=comma` and in a pipeline alike.
        if decimalComma, NumberParser(decimalComma: false).parse(field) != nil {
            return "'\(text.clipped)' is not a number with ',' as the decimal mark, as \(commaSource.setting) reads this file, but is one with a decimal point: \(commaSource.remedy); a file that itself mixes both marks must be exported again with one"
        }
        // `1 234` and `1 234,5`: spaces grouping thousands are how French and Scandinavian
        // exports write numbers, with a decimal comma (the no-break spaces included).
        if !decimalComma, NumberParser(decimalComma: true).parse(field) != nil, trimmed.contains(where: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }) {
            return "'\(text.clipped)' is not a number; if spaces group its thousands and ',' is the decimal mark (as French and Scandinavian exports write 1 234,5), use --decimal-comma (decimal: comma in a pipeline)"
        }
        // `12,50` and `1.000,50`: a comma after the last point is a decimal comma.
        if !decimalComma, let comma = trimmed.lastIndex(of: ","), trimmed.lastIndex(of: ".").map({ $0 < comma }) ?? true {
            return "'\(text.clipped)' is not a number (if ',' is the decimal mark, use --decimal-comma, or decimal: comma in a pipeline)"
        }
        return "'\(text.clipped)' is not a number"
    }
}

/// What set a file's decimal comma: a number that reads only with a decimal point is told to
/// undo it there (`NumberParser.explainFailure`).
public enum DecimalCommaSource: Sendable, Equatable {
    /// Not said (a caller of the library).
    case unstated
    /// The flag as written (`--decimal-comma`, `--decimal comma`) on a command of one input.
    case flag(String)
    /// The flag on a command of several inputs, which it reads all; this one is of `kind`.
    case sharedFlag(String, kind: String)
    /// `--decimal kind=comma` for this input's kind.
    case pair(kind: String)
    /// A pipeline import's `decimal: comma`, on the stage named.
    case pipeline(stage: String)

    /// The setting, as the message names it.
    var setting: String {
        switch self {
        case .unstated: return "the decimal comma set for it"
        case .flag(let flag), .sharedFlag(let flag, _): return flag
        case .pair(let kind): return "--decimal \(kind)=comma"
        case .pipeline(let stage): return "decimal: comma on import '\(stage)'"
        }
    }

    /// What to do when the file is written with decimal points, where the comma was set.
    var remedy: String {
        switch self {
        case .unstated: return "if it is written with decimal points, read it with a decimal point (--decimal-point, or decimal: point in a pipeline)"
        case .flag(let flag): return "if the file is written with decimal points, leave \(flag) out"
        case .sharedFlag(let flag, let kind): return "\(flag) applies to every input of the command, so if this one is written with decimal points, add --decimal \(kind)=point (its other inputs keep the comma)"
        case .pair(let kind): return "if this file is written with decimal points, give --decimal \(kind)=point instead"
        case .pipeline(let stage): return "if this file is written with decimal points, write decimal: point on import '\(stage)' (or leave decimal: out)"
        }
    }
}
