import Tabular

/// How values on a chart's value axis and labels are written.
///
/// Charts are read at a glance, so labels are short: money is compact (`$250k`, `$1.2M`,
/// `-$40k`), quantities keep thousands separators until they reach millions, and percent
/// values are already percentages (`21.0` is written `21%`, as in `budget_variance.csv`).
public enum ChartValueFormat: Sendable {
    case money, quantity, percent
}

extension ChartValueFormat {
    /// The smallest step an axis in this format may use, so an all-zero or flat series gets
    /// ticks people recognise (`$0.20`, not `$0.000002`).
    var minimumStep: Double {
        switch self {
        case .money: 0.01
        case .quantity: 0.001
        case .percent: 0.01
        }
    }

    /// Labels for an axis's ticks. Decimals follow the axis step, so neighbouring ticks never
    /// read the same (`$1M`, `$1.25M`), and every tick of one axis uses the same style.
    func tickLabels(for axis: ChartAxis, negatives: NumberStyle.Negatives = .minus) -> [String] {
        let largest = axis.ticks.reduce(0) { max($0, abs($1)) }
        return axis.ticks.map { Self.styled(tickLabel($0, axis: axis, largest: largest), negatives) }
    }

    private func tickLabel(_ tick: Double, axis: ChartAxis, largest: Double) -> String {
        switch self {
        case .money:
            return Self.compact(tick, step: axis.step, prefix: "$")
        case .quantity:
            if largest >= 1_000_000 { return Self.compact(tick, step: axis.step, prefix: "") }
            return NumberStyle().quantity(Self.snapped(tick, step: axis.step), decimals: Self.decimals(of: axis.step))
        case .percent:
            return NumberFormat.fixed(Self.snapped(tick, step: axis.step), decimals: Self.decimals(of: axis.step)) + "%"
        }
    }

    /// A label as the report's `--negatives` writes numbers: `-$40k` as `($40k)`.
    static func styled(_ text: String, _ negatives: NumberStyle.Negatives) -> String {
        guard negatives == .parentheses else { return text }
        if text.hasPrefix("-") { return "(" + text.dropFirst() + ")" }
        if text.hasPrefix("< -") { return "< (" + text.dropFirst(3) + ")" }
        return text
    }

    /// A single value written next to a bar or point: compact, at most one decimal at its unit
    /// (`$12.3k`, `$1.2M`, `1,234.5`, `21.4%`); `signed` adds `+` to positive values, which
    /// reads better for variances. Empty for NaN and infinities.
    func valueLabel(_ value: Double, signed: Bool = false, negatives: NumberStyle.Negatives) -> String {
        Self.styled(valueLabel(value, signed: signed), negatives)
    }

    func valueLabel(_ value: Double, signed: Bool = false) -> String {
        guard value.isFinite else { return "" }
        // Beyond what an axis shows, say so rather than print a hundred digits.
        if abs(value) > ChartAxis.limit {
            return (value < 0 ? "< " : "> ") + valueLabel(value < 0 ? -ChartAxis.limit : ChartAxis.limit, signed: signed)
        }
        let text: String
        switch self {
        case .money:
            text = abs(value) < 999.5 ? NumberStyle().money(value) : Self.compact(value, decimals: 1, prefix: "$")
        case .quantity:
            text = abs(value) < 999_950 ? NumberStyle().quantity(value, decimals: 1) : Self.compact(value, decimals: 1, prefix: "")
        case .percent:
            text = NumberFormat.fixed(value, decimals: 1) + "%"
        }
        // A value that rounds to zero is written without a sign (`$0`, never `-$0` or `+$0`).
        guard text.contains(where: { ("1"..."9").contains($0) }) else {
            return text.hasPrefix("-") ? String(text.dropFirst()) : text
        }
        return signed && value > 0 ? "+" + text : text
    }

    private static let units: [(scale: Double, suffix: String)] = [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"), (1, ""),
    ]

    /// A tick in compact style, each tick with its own unit (`$500k`, `$1M`, `$1.5M`) and as many
    /// decimals as the step needs at that unit.
    private static func compact(_ value: Double, step: Double, prefix: String) -> String {
        let magnitude = abs(snapped(value, step: step))
        if magnitude == 0 { return prefix + "0" }
        let unit = units.first { magnitude >= $0.scale } ?? units[units.count - 1]
        let decimals = prefix == "$" && unit.scale == 1 && step < 1 ? 2 : Self.decimals(of: step / unit.scale)
        var digits = NumberFormat.fixed(magnitude / unit.scale, decimals: decimals)
        if decimals == 2 && prefix == "$" && unit.scale == 1 { digits = cents(digits) }
        return (value < 0 ? "-" : "") + prefix + digits + unit.suffix
    }

    /// A value in compact style with `decimals` places at its unit; a value that rounds up to
    /// the next unit moves there (`999,960` is `1M`, not `1000k`).
    private static func compact(_ value: Double, decimals: Int, prefix: String) -> String {
        let magnitude = abs(value)
        var index = units.firstIndex { magnitude >= $0.scale } ?? units.count - 1
        var digits = NumberFormat.fixed(magnitude / units[index].scale, decimals: decimals)
        if index > 0, let shown = Double(digits), shown >= 1000 {
            index -= 1
            digits = NumberFormat.fixed(magnitude / units[index].scale, decimals: decimals)
        }
        if digits == "0" { return prefix + "0" }
        return (value < 0 ? "-" : "") + prefix + digits + units[index].suffix
    }

    /// `0.2` as `0.20`: money below a dollar is written in cents.
    private static func cents(_ digits: String) -> String {
        guard let dot = digits.firstIndex(of: ".") else { return digits + ".00" }
        return digits.distance(from: dot, to: digits.endIndex) == 2 ? digits + "0" : digits
    }

    /// How many decimals it takes to write multiples of `step` exactly (at most 6).
    static func decimals(of step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for places in 0..<6 {
            if abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled)) { return places }
            scaled *= 10
        }
        return 6
    }

    /// `value` moved onto the nearest multiple of `step`, so floating noise (`0.30000000000000004`)
    /// never decides a label.
    private static func snapped(_ value: Double, step: Double) -> Double {
        guard step > 0, step.isFinite else { return value }
        return (value / step).rounded() * step
    }
}
