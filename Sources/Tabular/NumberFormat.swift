/// Fixed-notation number text that is stable across runs and platforms.
public enum NumberFormat {
    @usableFromInline static let powers: [Double] = (0...15).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// `value` rounded half away from zero to `decimals` places (0 to 15), as `fixed` writes
    /// it, for tables written later; NaN and infinities as they are. The figures a command
    /// writes to a number of places and a pipeline's table of the same figures then agree.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let scale = powers[max(0, min(decimals, 15))]
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// `value` rounded half away from zero to `decimals` places, trailing zeros dropped.
    public static func fixed(_ value: Double, decimals: Int = 6) -> String {
        withFixed(value, decimals: decimals) { String(decoding: $0, as: UTF8.self) }
    }

    /// Formats into a stack buffer and hands the bytes to `body`; empty for NaN and infinities.
    public static func withFixed<R>(_ value: Double, decimals: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            guard value.isFinite else { return try body(UnsafeBufferPointer(start: buffer.baseAddress, count: 0)) }
            var places = max(0, min(decimals, 15))
            // A double holds 15 significant decimal digits: places beyond them print the binary
            // fraction's noise (1201845553253.75104 for 1201845553253.75).
            if places > 0 && abs(value) >= powers[15 - places] {
                var integerDigits = 16 - places
                while integerDigits < 15 && abs(value) >= powers[integerDigits] { integerDigits += 1 }
                places = max(0, 15 - integerDigits)
            }
            let scaled = (abs(value) * powers[places]).rounded(.toNearestOrAwayFromZero)
            if scaled >= 9.0e18 {
                // Beyond Int64: such magnitudes have no meaningful decimals anyway.
                var text = String(format: value)
                return try text.withUTF8 { try body($0) }
            }
            var digits = UInt64(scaled)
            if digits == 0 {
                buffer[0] = UInt8(ascii: "0")
                return try body(UnsafeBufferPointer(start: buffer.baseAddress, count: 1))
            }
            // Drop trailing zeros of the fraction.
            var fraction = places
            while fraction > 0 && digits % 10 == 0 { digits /= 10; fraction -= 1 }
            // Digits are written backwards from the end of the buffer.
            var position = buffer.count
            var written = 0
            repeat {
                if written == fraction && fraction > 0 { position -= 1; buffer[position] = UInt8(ascii: ".") }
                position -= 1
                buffer[position] = UInt8(48 + digits % 10)
                digits /= 10
                written += 1
            } while digits > 0 || written <= fraction
            if value < 0 { position -= 1; buffer[position] = UInt8(ascii: "-") }
            return try body(UnsafeBufferPointer(start: buffer.baseAddress! + position, count: buffer.count - position))
        }
    }
}

extension String {
    /// Integral text for huge magnitudes, without scientific notation: the shortest digits
    /// that read back as the same Double (Swift's own `description`), padded with zeros.
    /// Dividing by ten repeatedly instead would print digits that drift after the 16th.
    init(format value: Double) {
        let rounded = value.rounded()
        guard rounded.isFinite else { self = ""; return }
        var text = Substring("\(abs(rounded))")
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        for ch in text {
            if ch == "." { seenPoint = true; continue }
            digits.append(ch)
            if seenPoint { fractionDigits += 1 }
        }
        let zeros = exponent - fractionDigits
        if zeros >= 0 {
            digits += String(repeating: "0", count: zeros)
        } else {
            // Only reachable for values below 1e16, which have no fraction once rounded.
            digits = String(digits.dropLast(Swift.min(-zeros, digits.count)))
        }
        while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
        self = (value < 0 && digits != "0" ? "-" : "") + (digits.isEmpty ? "0" : digits)
    }
}

extension NumberFormat {
    /// A count and its noun: "1 order line", "2 order lines", "1 entry" with `plural` "entries".
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// A share as a whole percentage for people: 0.413 -> "41%".
    public static func percent(_ share: Double) -> String {
        fixed((share * 100).rounded(), decimals: 0) + "%"
    }

    /// Money as people read it: `$1,234,567`, with cents under $100 when there are any
    /// (`$12.50`), a negative amount after a minus sign (`-$1,200`); empty for NaN and
    /// infinities. The budget variance's notes, made below the reports, read so; a report's
    /// `NumberStyle` writes the same figure, in parentheses when asked.
    public static func money(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let decimals = abs(value) < 100 && value != value.rounded() ? 2 : 0
        return minusSigned(value, "$" + grouped(abs(value), decimals: decimals, padCents: decimals == 2))
    }

    /// `magnitude`, the figure of `value`'s size, after a minus sign when `value` is below zero
    /// and the figure shows a digit other than 0: zero after rounding shows no sign.
    public static func minusSigned(_ value: Double, _ magnitude: String) -> String {
        guard value < 0, magnitude.utf8.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return magnitude }
        return "-" + magnitude
    }

    /// Digits with a comma every three places; `padCents` writes `12.5` as `12.50`.
    public static func grouped(_ value: Double, decimals: Int, padCents: Bool) -> String {
        withFixed(value, decimals: decimals) { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 3 + 2)
            let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
            for i in 0..<point {
                if i > 0 && (point - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
                out.append(bytes[i])
            }
            out.append(contentsOf: bytes[point...])
            if padCents {
                let fraction = point < bytes.count ? bytes.count - point - 1 : 0
                if fraction == 0 { out.append(contentsOf: ".00".utf8) } else if fraction == 1 { out.append(UInt8(ascii: "0")) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
