import Foundation
import Forecasting

/// Fiscal years, quarters and year-to-date over calendar months.
///
/// A fiscal year starting in July 2026 and ending in June 2027 is `FY2027` by default (named
/// by the calendar year it ends in, as most US hospitals do); `namedByStartYear` gives `FY2026`.
public struct FiscalCalendar: Sendable, Equatable, CustomStringConvertible {
    /// First month of the fiscal year, 1-12.
    public var firstMonth: Int
    public var namedByStartYear: Bool

    public init(firstMonth: Int = 7, namedByStartYear: Bool = false) {
        self.firstMonth = min(max(firstMonth, 1), 12)
        self.namedByStartYear = namedByStartYear
    }

    /// Months since the start of fiscal year numbering, for a month period (year * 12 + month - 1).
    func shifted(_ month: Int) -> Int { month - (firstMonth - 1) }

    /// The fiscal year's name (e.g. 2027) of a month period.
    public func fiscalYear(ofMonth month: Int) -> Int {
        let startYear = floorDivide(shifted(month), 12)
        // A year starting in January both starts and ends in the same calendar year.
        return namedByStartYear || firstMonth == 1 ? startYear : startYear + 1
    }

    /// 1...12: position of the month in its fiscal year.
    public func fiscalMonth(ofMonth month: Int) -> Int { shifted(month) - floorDivide(shifted(month), 12) * 12 + 1 }

    /// 1...4.
    public func fiscalQuarter(ofMonth month: Int) -> Int { (fiscalMonth(ofMonth: month) - 1) / 3 + 1 }

    /// The month periods of a fiscal year, in order.
    public func months(ofFiscalYear year: Int) -> [Int] {
        let startYear = namedByStartYear || firstMonth == 1 ? year : year - 1
        let first = startYear * 12 + firstMonth - 1
        return Array(first..<(first + 12))
    }

    /// The most quarters a rolling forecast may run ahead (`--horizon-quarters`): three years.
    public static let horizonQuarters = 1...12

    /// The months a rolling forecast covers after `asOf`: the rest of its fiscal year, or with
    /// `quarters`, the rest of the as-of month's fiscal quarter and that many whole quarters
    /// more, across the fiscal year's end. A quarter is never cut, so quarter rows add up.
    public func forecastMonths(after asOf: Int, quarters: Int?) -> [Int] {
        let last: Int
        if let quarters {
            let quarterEnd = asOf + 2 - (fiscalMonth(ofMonth: asOf) - 1) % 3
            last = quarterEnd + 3 * quarters
        } else {
            last = months(ofFiscalYear: fiscalYear(ofMonth: asOf)).last ?? asOf
        }
        return last > asOf ? Array((asOf + 1)...last) : []
    }

    public func yearLabel(_ year: Int) -> String { "FY\(year)" }
    public func quarterLabel(ofMonth month: Int) -> String { "FY\(fiscalYear(ofMonth: month))-Q\(fiscalQuarter(ofMonth: month))" }
    public func ytdLabel(ofMonth month: Int) -> String { "FY\(fiscalYear(ofMonth: month))-YTD" }

    /// Reads `FY2027`.
    public static func parseYear(_ text: String) -> Int? {
        let t = text.uppercased()
        guard t.hasPrefix("FY"), let y = Int(t.dropFirst(2)), (1900...2200).contains(y) else { return nil }
        return y
    }

    /// Reads a budget's `fiscal_year` label: `FY2025`, `FY25`, `FY 2025`, `fy-2025` or `2025`.
    public static func parseLabel(_ text: String) -> Int? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        if t.hasPrefix("FY") { t = t.dropFirst(2).drop { $0 == " " || $0 == "-" } }
        guard t.count == 4 || t.count == 2, t.allSatisfy(\.isASCII), let y = Int(t) else { return nil }
        let year = t.count == 2 ? 2000 + y : y
        return (1900...2200).contains(year) ? year : nil
    }

    /// The calendars (first month, and naming by the year the fiscal year ends or starts in)
    /// under which every `(month, fiscal year)` pair a budget labels holds: a budget whose
    /// FY2025 runs from 2025-01 to 2025-12 has fiscal years starting in January whatever the
    /// default says. Ending-year naming first.
    public static func calendars(fitting labelled: [(month: Int, fiscalYear: Int)]) -> [FiscalCalendar] {
        var fitting: [FiscalCalendar] = []
        for byStartYear in [false, true] {
            for first in 1...12 where !(byStartYear && first == 1) {
                let calendar = FiscalCalendar(firstMonth: first, namedByStartYear: byStartYear)
                if labelled.allSatisfy({ calendar.fiscalYear(ofMonth: $0.month) == $0.fiscalYear }) { fitting.append(calendar) }
            }
        }
        return fitting
    }

    /// "fiscal years from July, named by the year they end in".
    public var description: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "fiscal years from \(names[firstMonth - 1])" + (firstMonth == 1 ? "" : namedByStartYear ? ", named by the year they start in" : ", named by the year they end in")
    }

    private func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
}
