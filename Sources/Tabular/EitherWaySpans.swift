/// The first and last day of slash dates that all read either way, read month-first and
/// read day-first (`DayMonthEvidence.eitherWaySpans`), over one column or a whole file.
public struct EitherWaySpans: Sendable, Equatable {
    public var monthFirst: ClosedRange<CalendarDay>
    public var dayFirst: ClosedRange<CalendarDay>

    init?(monthFirst: (Int, Int), dayFirst: (Int, Int)) {
        func day(_ key: Int) -> CalendarDay? { CalendarDay(year: key / 10_000, month: key / 100 % 100, day: key % 100) }
        guard let a = day(monthFirst.0), let b = day(monthFirst.1), let c = day(dayFirst.0), let d = day(dayFirst.1) else { return nil }
        self.monthFirst = a...b
        self.dayFirst = c...d
    }

    /// The spans of a file's columns together (`DayMonthEvidence.eitherWaySpans`), when every
    /// slash date of every column reads either way (a column of other dates is no evidence of
    /// their order); nil when one reads one way only, or there is none.
    public static func of(_ columns: [DayMonthEvidence]) -> EitherWaySpans? {
        var spans: EitherWaySpans?
        for evidence in columns where evidence.slashDates {
            guard let column = evidence.eitherWaySpans else { return nil }
            spans = spans.map { $0.merged(with: column) } ?? column
        }
        return spans
    }

    /// Both spans, each widened by `other`'s (another column of the same file).
    public func merged(with other: EitherWaySpans) -> EitherWaySpans {
        var spans = self
        spans.monthFirst = min(monthFirst.lowerBound, other.monthFirst.lowerBound)...max(monthFirst.upperBound, other.monthFirst.upperBound)
        spans.dayFirst = min(dayFirst.lowerBound, other.dayFirst.lowerBound)...max(dayFirst.upperBound, other.dayFirst.upperBound)
        return spans
    }

    /// "2026-02-03 to 2026-12-03" for one reading.
    public static func text(_ span: ClosedRange<CalendarDay>) -> String {
        span.lowerBound == span.upperBound ? span.lowerBound.description : "\(span.lowerBound) to \(span.upperBound)"
    }

    /// The one sentence every note and `inspect` give for a file whose every slash date reads
    /// either way: the order `dayFirst` says was used, `why` ("the default", or "since the
    /// numbers are read with a decimal comma ..."), the span under each reading, and the fix; `kind` (the input's kind,
    /// when a command reads several) names the `--date-format KIND=` form for it alone.
    /// `subject` names what is read ("every slash date of 'consumos.csv' ('Fecha')").
    public func sentence(_ subject: String, dayFirst: Bool, why: String, kind: String?) -> String {
        let used = dayFirst ? "day-first (DD/MM/YYYY)" : "month-first (MM/DD/YYYY)"
        let other = dayFirst ? "month-first" : "day-first"
        let fix = dayFirst ? "mdy" : "dmy"
        let alone = kind.map { ", or --date-format \($0)=\(fix) for this input alone" } ?? ""
        return "\(subject) reads either way (no day above 12), and was read \(used), \(why): \(EitherWaySpans.text(dayFirst ? self.dayFirst : monthFirst)); read \(other) they would be \(EitherWaySpans.text(dayFirst ? monthFirst : self.dayFirst)). If they are \(other), give --date-format \(fix)\(alone) (date_format: \(fix) in a pipeline)"
    }
}
