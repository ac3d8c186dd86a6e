import Testing
@testable import Tabular

@Suite("NumberFormat.fixed")
struct NumberFormatTests {
    @Test func floatingNoiseIsRoundedAway() {
        #expect(NumberFormat.fixed(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.fixed(1.0 / 3.0) == "0.333333")
        #expect(NumberFormat.fixed(2.0 / 3.0, decimals: 3) == "0.667")
    }

    @Test func noScientificNotation() {
        #expect(NumberFormat.fixed(1e-5) == "0.00001")
        #expect(NumberFormat.fixed(0.000001) == "0.000001")
        #expect(NumberFormat.fixed(1e20) == "100000000000000000000")
        #expect(NumberFormat.fixed(-1e20) == "-100000000000000000000")
    }

    /// Beyond Int64 the digits used to drift (1e38 printed as 1000...0008244226848602628).
    @Test func hugeValuesKeepTheirDigits() {
        #expect(NumberFormat.fixed(1e38) == "1" + String(repeating: "0", count: 38))
        #expect(NumberFormat.fixed(1.2345e20) == "123450000000000000000")
        #expect(NumberFormat.fixed(-9.5e18) == "-9500000000000000000")
        for value in [1e300, 7.50410864203e305, 123456789012345678901234.0, -2.5e19, 9.2e18] {
            let text = NumberFormat.fixed(value)
            #expect(!text.contains("e") && !text.contains("."), "\(text)")
            #expect(Double(text) == value, "\(value) printed as \(text)")
        }
    }

    /// A double holds 15 significant digits; the places beyond them were the binary
    /// fraction's noise (a ledger total of 1201845553253.75 printed as 1201845553253.75104).
    @Test func largeValuesKeepOnlyTheDigitsADoubleHolds() {
        #expect(NumberFormat.fixed(1201845553253.75) == "1201845553253.75")
        #expect(NumberFormat.fixed(-1201845553253.75) == "-1201845553253.75")
        #expect(NumberFormat.fixed(123456789.123456) == "123456789.123456")
        #expect(NumberFormat.fixed(1234567890.123456) == "1234567890.12346")
        #expect(NumberFormat.fixed(99999.9999999999, decimals: 15) == "99999.9999999999")
        #expect(NumberFormat.fixed(99999.99999999999, decimals: 15) == "100000")
        #expect(NumberFormat.fixed(123456789012345.6) == "123456789012346")
        #expect(NumberFormat.fixed(1e15 + 0.5, decimals: 2) == "1000000000000001")
    }

    /// `rounded` gives the value `fixed` writes, as a number for tables written later.
    @Test func roundedIsWhatFixedWrites() {
        #expect(NumberFormat.rounded(0.518639, decimals: 4) == 0.5186)
        #expect(NumberFormat.rounded(-1234567.125, decimals: 2) == -1234567.13)
        #expect(NumberFormat.rounded(2.5, decimals: 0) == 3)
        for value in [0.12345678, -7.77777, 12_345.6789, 0.00005] {
            #expect(NumberFormat.fixed(NumberFormat.rounded(value, decimals: 4), decimals: 6) == NumberFormat.fixed(value, decimals: 4))
        }
        #expect(NumberFormat.rounded(.nan, decimals: 2).isNaN && NumberFormat.rounded(.infinity, decimals: 2) == .infinity)
    }

    @Test func tinyValuesBecomeZeroWithoutSign() {
        #expect(NumberFormat.fixed(-0.0000001) == "0")
        #expect(NumberFormat.fixed(0.0000004) == "0")
        #expect(NumberFormat.fixed(-0.0) == "0")
        #expect(NumberFormat.fixed(0) == "0")
        #expect(NumberFormat.fixed(-0.004, decimals: 2) == "0")
    }

    @Test func roundsHalfAwayFromZero() {
        // 1234567.125 and 0.125 are exact binary fractions, so these are true ties.
        #expect(NumberFormat.fixed(1234567.125, decimals: 2) == "1234567.13")
        #expect(NumberFormat.fixed(-1234567.125, decimals: 2) == "-1234567.13")
        #expect(NumberFormat.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
        #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberFormat.fixed(999.9999999) == "1000")
    }

    @Test func integersHaveNoFraction() {
        #expect(NumberFormat.fixed(42) == "42")
        #expect(NumberFormat.fixed(100) == "100")
        #expect(NumberFormat.fixed(-7) == "-7")
        #expect(NumberFormat.fixed(1_000_000, decimals: 2) == "1000000")
        #expect(NumberFormat.fixed(10, decimals: 0) == "10")
    }

    @Test func negativeNumbers() {
        #expect(NumberFormat.fixed(-2.5) == "-2.5")
        #expect(NumberFormat.fixed(-1234.5678, decimals: 2) == "-1234.57")
        #expect(NumberFormat.fixed(-0.05, decimals: 2) == "-0.05")
    }

    @Test func trailingZerosDropped() {
        #expect(NumberFormat.fixed(1.5, decimals: 4) == "1.5")
        #expect(NumberFormat.fixed(0.25) == "0.25")
        #expect(NumberFormat.fixed(10.01, decimals: 2) == "10.01")
    }

    @Test func decimalsAreClamped() {
        #expect(NumberFormat.fixed(0.1, decimals: 20) == "0.1")
        #expect(NumberFormat.fixed(2.4, decimals: -1) == "2")
    }

    @Test func nonFiniteIsEmpty() {
        #expect(NumberFormat.fixed(.nan) == "")
        #expect(NumberFormat.fixed(.infinity) == "")
        #expect(NumberFormat.fixed(-.infinity) == "")
    }

    @Test func withFixedHandsTheSameBytes() {
        let text = NumberFormat.withFixed(-1234.5678, decimals: 2) { String(decoding: $0, as: UTF8.self) }
        #expect(text == "-1234.57")
        let count = NumberFormat.withFixed(.nan, decimals: 2) { $0.count }
        #expect(count == 0)
    }
}

/// Money as the notes made below the reports write it (`NumberStyle.money` with a minus sign).
@Suite struct NumberFormatMoneyTests {
    @Test func dollarsWithCommasCentsUnderAHundredAndAMinusSign() {
        #expect(NumberFormat.money(1_234_567.4) == "$1,234,567")
        #expect(NumberFormat.money(12.5) == "$12.50")
        #expect(NumberFormat.money(-1_200) == "-$1,200")
        // Zero after rounding shows no sign; NaN and infinities no figure.
        #expect(NumberFormat.money(-0.001) == "$0.00" && NumberFormat.money(-0.4) == "-$0.40")
        #expect(NumberFormat.money(.nan) == "" && NumberFormat.money(-.infinity) == "")
    }
}
