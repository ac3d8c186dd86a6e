import Tabular
import Testing
@testable import Planning

/// The purchasing analyst's review: the export's last day read past one far-future typo.
@Suite struct ExportLastDayTests {
    /// Eight lines in March 2026 and one dated 2062: the last day is the rest's latest, the
    /// 2062 line beyond it. Without the typo nothing is beyond.
    @Test func oneLineFarBeyondTheRestIsLeftOut() {
        let march = (1...8).map { Int32(20_513 + $0) }
        let typo = CalendarDay(year: 2062, month: 3, day: 31)!.daysSinceEpoch
        let read = ExportLastDay(latest: march + [typo])
        #expect(read.day == march.last)
        #expect(read.beyondFrom == typo && read.linesBeyond == 1)
        let clean = ExportLastDay(latest: march)
        #expect(clean.day == march.last && clean.beyondFrom == nil && clean.linesBeyond == 0)
    }

    /// Two halves of an export a year apart are the export, not a typo: more than one line in
    /// ten after the gap is not read as beyond. A gap of under half a year is no gap.
    @Test func aLaterHalfOrAShortGapIsTheExport() {
        let early = (0..<5).map { Int32(20_000 + $0) }, late = (0..<5).map { Int32(20_400 + $0) }
        #expect(ExportLastDay(latest: early + late).day == late.last)
        #expect(ExportLastDay(latest: early + [20_150]).day == 20_150)
        #expect(ExportLastDay(latest: []).day == nil)
    }
}
