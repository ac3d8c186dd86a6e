import Testing
@testable import Tabular

@Suite struct ClockTimeTests {
    func minute(_ text: String) -> Int? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { ClockTime.minuteOfDay(UnsafeBufferPointer($0)) }
    }

    func epochMinutes(_ text: String, _ format: DateFormat = .automatic) -> Int? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { ClockTime.minutesSinceEpoch(UnsafeBufferPointer($0), dates: DateParser(format: format)) }
    }

    @Test func timesOfDay() {
        #expect(minute("07:00") == 420)
        #expect(minute("7:00") == 420)
        #expect(minute(" 19:30 ") == 1_170)
        #expect(minute("23:59:59.5") == 1_439)
        #expect(minute("7:00 PM") == 1_140)
        #expect(minute("12:15 am") == 15)
        #expect(minute("12:00 PM") == 720)
        for bad in ["24:00", "7", "7:5", "07:60", "13:00 PM", "noon", "", "07:00:61", "7h00"] { #expect(minute(bad) == nil, "\(bad)") }
    }

    @Test func dateTimes() {
        // 2026-03-02 is day 20,514 since 1970-01-01: 20,514 x 1,440 + 19 x 60 + 4.
        let base = 20_514 * 1_440
        #expect(Int(CalendarDay(year: 2026, month: 3, day: 2)!.daysSinceEpoch) == 20_514)
        #expect(epochMinutes("2026-03-02 19:04") == base + 1_144)
        #expect(epochMinutes("2026-03-02T19:04:00Z") == base + 1_144)
        #expect(epochMinutes("3/2/2026 7:04 PM") == base + 1_144)
        #expect(epochMinutes("02.03.2026 07:00", try! DateFormat(parsing: "DD.MM.YYYY")) == base + 420)
        for bad in ["2026-03-02", "2026-03-02 25:00", "19:04", "2026-02-30 07:00", ""] { #expect(epochMinutes(bad) == nil, "\(bad)") }
        #expect(ClockTime.label(minutesSinceEpoch: base + 1_144) == "2026-03-02 19:04")
    }

    func zone(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { ClockTime.zone(UnsafeBufferPointer($0)) }
    }

    /// The import rejects times with a zone designator; finding one must not mistake a date's
    /// dashes for an offset.
    @Test func zoneDesignators() {
        #expect(zone("2026-03-02T12:00:00Z") == "Z")
        #expect(zone("2026-10-31T07:00:00-04:00") == "-04:00")
        #expect(zone("2026-03-02 07:00+0100") == "+0100")
        #expect(zone("07:00Z") == "Z")
        #expect(zone("19:00-05:00") == "-05:00")
        for none in ["2026-03-02 07:00", "2026-03-02T07:00:00", "3/2/2026 7:00 PM", "07:00", "2026-03-02", "", "noon"] { #expect(zone(none) == nil, "\(none)") }
    }
}
