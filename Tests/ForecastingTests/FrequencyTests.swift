import Foundation
import Testing
import Tabular
@testable import Forecasting

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
    guard let d = CalendarDay(year: year, month: month, day: day) else { fatalError("test bug: not a date") }
    return d
}

@Suite("Frequency")
struct FrequencyTests {
    // 2026-07-01 is day 20,635 after 1970-01-01 (56 years, 14 leap days, then 181 days of 2026).
    let july1 = day(2026, 7, 1)

    @Test func periodsOfOneDay() {
        #expect(july1.daysSinceEpoch == 20_635)
        #expect(Frequency.day.period(of: july1) == 20_635)
        #expect(Frequency.week.period(of: july1) == 2_948)        // weeks since Monday 1969-12-29
        #expect(Frequency.month.period(of: july1) == 2026 * 12 + 6)
        #expect(Frequency.quarter.period(of: july1) == 2026 * 4 + 2)
        #expect(Frequency.year.period(of: july1) == 2026)
    }

    @Test func labels() {
        #expect(Frequency.day.label(20_635) == "2026-07-01")
        #expect(Frequency.week.label(2_948) == "2026-W27")
        #expect(Frequency.month.label(2026 * 12 + 6) == "2026-07")
        #expect(Frequency.month.label(2026 * 12 + 11) == "2026-12")
        #expect(Frequency.month.label(2027 * 12) == "2027-01")
        #expect(Frequency.quarter.label(2026 * 4 + 2) == "2026-Q3")
        #expect(Frequency.quarter.label(2026 * 4) == "2026-Q1")
        #expect(Frequency.year.label(2026) == "2026")
    }

    @Test func firstDays() {
        #expect(Frequency.day.firstDay(of: 20_635) == july1)
        #expect(Frequency.week.firstDay(of: 2_948) == day(2026, 6, 29))
        #expect(Frequency.month.firstDay(of: Frequency.month.period(of: day(2026, 7, 31))) == july1)
        #expect(Frequency.quarter.firstDay(of: Frequency.quarter.period(of: day(2026, 9, 30))) == july1)
        #expect(Frequency.year.firstDay(of: 2026) == day(2026, 1, 1))
    }

    @Test("ISO week labels at year ends", arguments: [
        ((2020, 12, 31), "2020-W53"),   // Thursday
        ((2021, 1, 3), "2020-W53"),     // Sunday of the same week
        ((2021, 1, 4), "2021-W01"),     // Monday
        ((2024, 12, 30), "2025-W01"),   // Monday whose Thursday is 2025-01-02
        ((2025, 12, 28), "2025-W52"),
        ((2025, 12, 29), "2026-W01"),
        ((2026, 1, 1), "2026-W01"),
        ((2027, 1, 1), "2026-W53"),     // 2026 starts on a Thursday: 53 weeks
        ((2010, 1, 3), "2009-W53"),
        ((1970, 1, 1), "1970-W01"),
        ((1969, 12, 29), "1970-W01"),
        ((1969, 12, 28), "1969-W52"),   // before the epoch week
    ])
    func isoWeekEdges(_ date: (Int, Int, Int), _ label: String) {
        let d = day(date.0, date.1, date.2)
        #expect(Frequency.week.label(Frequency.week.period(of: d)) == label)
    }

    @Test func weeksStartOnMonday() {
        let sunday = day(2026, 6, 28), monday = day(2026, 6, 29)
        #expect(Frequency.week.period(of: monday) == Frequency.week.period(of: sunday) + 1)
        #expect(Frequency.week.period(of: day(1969, 12, 29)) == 0)
        #expect(Frequency.week.period(of: day(1969, 12, 28)) == -1)
        #expect(Frequency.week.firstDay(of: -1) == day(1969, 12, 22))
    }

    @Test func weekLabelsAgreeWithFoundationsISOCalendar() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var mismatches: [String] = []
        var d = day(2014, 12, 1)
        while d < day(2031, 1, 31) {
            let date = Date(timeIntervalSince1970: Double(d.daysSinceEpoch) * 86_400)
            let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let week = c.weekOfYear!
            let expected = "\(c.yearForWeekOfYear!)-W\(week < 10 ? "0" : "")\(week)"
            let got = Frequency.week.label(Frequency.week.period(of: d))
            if got != expected { mismatches.append("\(d): \(got) != \(expected)") }
            d = d.adding(days: 1)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func labelsReadBackToTheirPeriod() {
        for frequency in Frequency.allCases {
            var failures: [String] = []
            var d = day(2019, 6, 1)
            while d < day(2021, 7, 1) {
                let p = frequency.period(of: d)
                let label = frequency.label(p)
                if frequency.period(ofLabel: label) != p { failures.append(label) }
                if !(frequency.firstDay(of: p) <= d && d < frequency.firstDay(of: p + 1)) { failures.append("bounds \(d)") }
                d = d.adding(days: 1)
            }
            let failed = Set(failures).sorted()
            #expect(failed.isEmpty, "\(frequency)")
        }
    }

    @Test func periodOfLabel() {
        #expect(Frequency.day.period(ofLabel: "2026-07-01") == 20_635)
        #expect(Frequency.week.period(ofLabel: "2026-W27") == 2_948)
        #expect(Frequency.week.period(ofLabel: "2020-W53") == Frequency.week.period(of: day(2020, 12, 28)))
        #expect(Frequency.week.period(ofLabel: "2025-W01") == Frequency.week.period(of: day(2024, 12, 30)))
        #expect(Frequency.month.period(ofLabel: "2026-07") == 2026 * 12 + 6)
        #expect(Frequency.month.period(ofLabel: "2026-07-15") == 2026 * 12 + 6)   // any day inside
        #expect(Frequency.quarter.period(ofLabel: "2026-Q3") == 2026 * 4 + 2)
        #expect(Frequency.quarter.period(ofLabel: "2026-Q1") == 2026 * 4)
        #expect(Frequency.year.period(ofLabel: "2026") == 2026)
        #expect(Frequency.week.period(ofLabel: "2026-W54") == nil)
        #expect(Frequency.quarter.period(ofLabel: "2026-Q5") == nil)
        #expect(Frequency.month.period(ofLabel: "nonsense") == nil)
        #expect(Frequency.year.period(ofLabel: "0000") == nil)
    }

    @Test func daysInPeriods() {
        #expect(Frequency.month.days(in: 2024 * 12 + 1) == 29)   // February 2024
        #expect(Frequency.month.days(in: 2023 * 12 + 1) == 28)
        #expect(Frequency.month.days(in: 2000 * 12 + 1) == 29)
        #expect(Frequency.month.days(in: 1900 * 12 + 1) == 28)
        #expect(Frequency.month.days(in: 2026 * 12 + 0) == 31)
        #expect(Frequency.month.days(in: 2026 * 12 + 3) == 30)   // April
        #expect(Frequency.month.days(in: 2026 * 12 + 11) == 31)  // December, across the year end
        #expect(Frequency.quarter.days(in: 2024 * 4) == 91)      // 31 + 29 + 31
        #expect(Frequency.quarter.days(in: 2023 * 4) == 90)
        #expect(Frequency.quarter.days(in: 2026 * 4 + 2) == 92)
        #expect(Frequency.year.days(in: 2024) == 366)
        #expect(Frequency.year.days(in: 2100) == 365)
        #expect(Frequency.week.days(in: 2_948) == 7)
        #expect(Frequency.day.days(in: 20_635) == 1)
    }

    @Test func seasonAndAverageDays() {
        #expect(Frequency.month.defaultSeasonLength == 12)
        #expect(Frequency.quarter.defaultSeasonLength == 4)
        #expect(Frequency.week.defaultSeasonLength == 52)
        #expect(Frequency.day.defaultSeasonLength == 7)
        #expect(abs(Frequency.month.averageDays * 12 - 365.2425) < 1e-9)
        #expect(Frequency(rawValue: "quarter") == .quarter)
        #expect(Frequency(rawValue: "fortnight") == nil)
    }
}
