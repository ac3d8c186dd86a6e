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

    /// `$1,234,567`, with cents under $100 when there are any (`NumberFormat.money`).
    public func money(_ value: Double) -> String { styled(NumberFormat.money(value)) }

    /// `12.3%` from a percentage value (21.0 means 21%).
    public func percent(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        return styled(NumberFormat.minusSigned(value, NumberFormat.grouped(abs(value), decimals: decimals, padCents: false) + "%"))
    }

    /// `12,345` or `12,345.5`.
    public func quantity(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        return styled(NumberFormat.minusSigned(value, NumberFormat.grouped(abs(value), decimals: decimals, padCents: false)))
    }

    /// A figure written with a minus sign (`NumberFormat.minusSigned`), its negative set in
    /// parentheses instead when the style says so.
    private func styled(_ figure: String) -> String {
        guard negatives == .parentheses, figure.hasPrefix("-") else { return figure }
        return "(" + figure.dropFirst() + ")"
    }
}
