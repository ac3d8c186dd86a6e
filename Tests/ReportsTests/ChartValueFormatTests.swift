import Testing
@testable import Reports

@Suite("Chart value labels")
struct ChartValueFormatTests {
    private func ticks(_ format: ChartValueFormat, _ low: Double, _ high: Double) -> [String] {
        format.tickLabels(for: ChartAxis(covering: low, high, includingZero: true, minimumStep: format.minimumStep))
    }

    @Test func moneyTicksAreCompact() {
        #expect(ticks(.money, 0, 1_200_000) == ["$0", "$200k", "$400k", "$600k", "$800k", "$1M", "$1.2M"])
        #expect(ticks(.money, -40_000, 0) == ["-$40k", "-$30k", "-$20k", "-$10k", "$0"])
        #expect(ticks(.money, 0, 1_600_000) == ["$0", "$500k", "$1M", "$1.5M", "$2M"])
        #expect(ticks(.money, 0, 900) == ["$0", "$200", "$400", "$600", "$800", "$1k"])
        #expect(ticks(.money, 0, 2_400) == ["$0", "$500", "$1k", "$1.5k", "$2k", "$2.5k"])
        #expect(ticks(.money, 0, 3e9) == ["$0", "$500M", "$1B", "$1.5B", "$2B", "$2.5B", "$3B"])
    }

    /// Under `--negatives parentheses` a chart writes its negatives as the report's tables do
    /// (it wrote `-$40k` beside tables of `($40,000)`).
    @Test func negativesInParenthesesOnChartsToo() {
        let axis = ChartAxis(covering: -40_000, 0, includingZero: true, minimumStep: ChartValueFormat.money.minimumStep)
        #expect(ChartValueFormat.money.tickLabels(for: axis, negatives: .parentheses) == ["($40k)", "($30k)", "($20k)", "($10k)", "$0"])
        #expect(ChartValueFormat.money.valueLabel(-12_300, signed: true, negatives: .parentheses) == "($12.3k)")
        #expect(ChartValueFormat.money.valueLabel(12_300, signed: true, negatives: .parentheses) == "+$12.3k")
        #expect(ChartValueFormat.percent.valueLabel(-2e30, negatives: .parentheses).hasPrefix("< ("))
        var chart = ChartSamples.goldenVariance
        chart.negatives = .parentheses
        #expect(chart.svg().contains(">($") && !chart.svg().contains(">-$"))
        #expect(ChartSamples.goldenVariance.svg().contains(">-$"))
    }

    @Test func flatMoneyIsInCents() {
        #expect(ticks(.money, 0, 0) == ["$0", "$0.20", "$0.40", "$0.60", "$0.80", "$1.00"])
    }

    @Test func quantityTicksUseSeparatorsThenCompactUnits() {
        #expect(ticks(.quantity, 0, 9_876) == ["0", "2,000", "4,000", "6,000", "8,000", "10,000"])
        #expect(ticks(.quantity, 0, 2.3) == ["0", "0.5", "1", "1.5", "2", "2.5"])
        #expect(ticks(.quantity, 0, 2_300_000) == ["0", "500k", "1M", "1.5M", "2M", "2.5M"])
        #expect(ticks(.quantity, -120, 30) == ["-150", "-100", "-50", "0", "50"])
    }

    @Test func percentTicks() {
        #expect(ticks(.percent, -5, 21) == ["-5%", "0%", "5%", "10%", "15%", "20%", "25%"])
    }

    @Test func moneyValues() {
        #expect(ChartValueFormat.money.valueLabel(0) == "$0")
        #expect(ChartValueFormat.money.valueLabel(250_000) == "$250k")
        #expect(ChartValueFormat.money.valueLabel(1_234_567) == "$1.2M")
        #expect(ChartValueFormat.money.valueLabel(-40_000) == "-$40k")
        #expect(ChartValueFormat.money.valueLabel(12_345) == "$12.3k")
        #expect(ChartValueFormat.money.valueLabel(999_960) == "$1M")
        #expect(ChartValueFormat.money.valueLabel(850) == "$850")
        #expect(ChartValueFormat.money.valueLabel(45.5) == "$45.50")
        #expect(ChartValueFormat.money.valueLabel(12_345, signed: true) == "+$12.3k")
        #expect(ChartValueFormat.money.valueLabel(-0.001, signed: true) == "$0.00")
        #expect(ChartValueFormat.money.valueLabel(.nan) == "")
        #expect(ChartValueFormat.money.valueLabel(1e300) == "> $1000T")
        #expect(ChartValueFormat.money.valueLabel(-1e300, signed: true) == "< -$1000T")
    }

    @Test func quantityAndPercentValues() {
        #expect(ChartValueFormat.quantity.valueLabel(12_345.56) == "12,345.6")
        #expect(ChartValueFormat.quantity.valueLabel(12.35) == "12.4")
        #expect(ChartValueFormat.quantity.valueLabel(-1_200) == "-1,200")
        #expect(ChartValueFormat.quantity.valueLabel(2_345_678) == "2.3M")
        #expect(ChartValueFormat.quantity.valueLabel(-0.01) == "0")
        #expect(ChartValueFormat.percent.valueLabel(21) == "21%")
        #expect(ChartValueFormat.percent.valueLabel(-5.55) == "-5.6%")
        #expect(ChartValueFormat.percent.valueLabel(3, signed: true) == "+3%")
    }
}
