import Tabular

extension ExportInspection {
    /// The file's decimal mark and the number parser it gives, decided from the samples.
    struct NumberReadingOfFile {
        var comma: Bool
        var statePoint: Bool
        var undecided: String?
        var parser: NumberParser

        /// As `ExportInspection.decimalMark` reads `samples`; a value the mark leaves in doubt
        /// still reads as a number either way (the warning names it).
        init(_ samples: [[Sample]], delimiter: UInt8) {
            // A column whose samples are mostly dotted dates, as the import looks at its columns.
            let datesDotted = samples.contains { DottedDates.fill($0.map(\.text)) }
            let mark = ExportInspection.decimalMark(samples, delimiter: delimiter, datesDotted: datesDotted)
            (comma, statePoint, undecided) = mark
            parser = NumberParser(decimalComma: mark.comma, delimiter: delimiter, pointStated: mark.statePoint || mark.undecided != nil,
                                  datesDotted: datesDotted)
        }
    }
}
