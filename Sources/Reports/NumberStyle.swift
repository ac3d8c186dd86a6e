import Tabular

/// Numbers as people read them in reports: thousands separators, `$`, `%`, and negatives
/// either with a minus sign or in parentheses, as finance departments often prefer.
public struct NumberStyle: Sendable, Equatable {
    public enum Negatives: String, Sendable, CaseIterable {
        /// `-$1,234`
        case minus
        /// `($1,234)`
        case parentheses
    }

    public var negatives: Negatives

    public init(negatives: Negatives = .minus) { self.negatives = negatives }

    /// `$1,234,567`, with cents under $100 when there are any.
    public func money(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let decimals = abs(value) < 100 && value != value.rounded() ? 2 : 0
        return signed(value, "$" + NumberStyle.grouped(abs(value), decimals: decimals, padCents: decimals == 2))
    }

    /// `12.3%` from a percentage value (21.0 means 21%).
    public func percent(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        return signed(value, NumberStyle.grouped(abs(value), decimals: decimals, padCents: false) + "%")
    }

    /// `12,345` or `12,345.5`.
    public func quantity(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        return signed(value, NumberStyle.grouped(abs(value), decimals: decimals, padCents: false))
    }

    private func signed(_ value: Double, _ magnitude: String) -> String {
        // Zero after rounding shows no sign.
        guard value < 0, magnitude.utf8.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return magnitude }
        switch negatives {
        case .minus: return "-" + magnitude
        case .parentheses: return "(" + magnitude + ")"
        }
    }

    /// Digits with a comma every three places; `padCents` writes `12.5` as `12.50`.
    static func grouped(_ value: Double, decimals: Int, padCents: Bool) -> String {
        NumberFormat.withFixed(value, decimals: decimals) { bytes in
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
