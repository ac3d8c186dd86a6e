import Tabular

/// The order of day and month of a wide sheet's header dates (one column per day,
/// `02/03/2026` ... `14/03/2026`), decided as a column's dates are (`DayMonthEvidence`,
/// `TableImport.secondLook`): one order for the file, a header date that reads only one way
/// decides it, and when every one reads either way the decimal comma reads them day-first,
/// said either way. The headers are read month-first otherwise.
///
/// A review's Spanish daily sheet of 2-14 March 2026 with `--decimal-comma` was read
/// month-first, GASA one column a month from February to December (103.5 in March for
/// 1,410.5), and its `13/03/2026` and `14/03/2026`, which read only day-first, were left out
/// as "header does not fit" (228 units of gauze) instead of deciding the order.
struct HeaderDateOrder {
    /// Whether the header's slash dates are read day-first.
    private(set) var dayFirst = false
    /// How they were read (`ImportSummary.slashDateOrder`); nil with a given date format or
    /// no slash date in the header.
    private(set) var order: SlashDateOrder?
    /// The sentence for the import's notes; nil when the order needs none.
    private(set) var note: String?

    /// Headers that hold no dates: read month-first, nothing said.
    init() {}

    /// Decides the order of `headers` (the columns the unpivot may take) of `file`, read with
    /// `options`. Throws when they hold dates of both orders, which no reading fits.
    init(of headers: [String], options: ImportOptions, file: String, headerLine: Int) throws {
        guard options.dateFormat == .automatic else { return }
        var evidence = DayMonthEvidence()
        for header in headers {
            var text = header
            text.withUTF8 { evidence.seeWritten($0, read: true, line: headerLine) }
        }
        guard evidence.slashDates else { return }
        let fix = " (date_format: in a pipeline)"
        if let day = evidence.dayFirst, let month = evidence.monthFirstExample {
            throw InputError(file: file, line: headerLine, column: day,
                             "the header's dates are written in two orders: '\(day.clipped)' reads only day-first (DD/MM/YYYY), while '\(month.clipped)' reads only month-first (MM/DD/YYYY), and one export writes its dates one way; check those headers, then give the order with --date-format dmy or --date-format mdy\(fix)")
        }
        if let day = evidence.dayFirst {
            dayFirst = true
            order = .dayFirst
            note = "the header's slash dates read day-first (DD/MM/YYYY), one order for the file: '\(day.clipped)' reads only so, and none reads only month-first; if they are month-first, give --date-format mdy (date_format: mdy in a pipeline)"
        } else if evidence.monthFirst {
            order = .monthFirst
        } else if let spans = evidence.eitherWaySpans {
            dayFirst = options.decimalComma
            order = dayFirst ? .dayFirst : .eitherWay
            let why = dayFirst ? "since the numbers are read with a decimal comma, which goes with day-first dates" : "the default"
            let dated = headers.filter(DayMonthEvidence.isSlashDate)
            let named = dated.count == 1 ? "'\(dated[0].clipped)'" : "'\(dated[0].clipped)' to '\(dated[dated.count - 1].clipped)'"
            note = spans.sentence("every slash date of the header of '\(file)' (\(named))", dayFirst: dayFirst, why: why,
                                  kind: options.onlyInput ? nil : options.kind)
        }
    }
}
