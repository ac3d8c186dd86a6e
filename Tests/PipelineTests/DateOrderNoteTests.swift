import Testing
@testable import Pipeline
import Tabular

/// A third review: in a UK run a lots file whose only dates were 10/04/2026 and 01/12/2026 was
/// read month-first (4 October, 12 January) beside a usage export read day-first, with no word;
/// a contracts file running 01/03/2026 to 01/06/2026 likewise. The run now says so.
@Suite struct DateOrderNoteTests {
    @Test func inputsReadEitherWayBesideADayFirstOneAreNamed() throws {
        let note = try #require(PipelineRunner.dateOrderNote([("usage", "/x/usage.csv", "usage", .dayFirst), ("lots", "/x/lots.csv", "lots", .eitherWay),
                                                              ("inventory", "/x/inv.csv", "inventory", .monthFirst)]))
        #expect(note == "'lots.csv' (lots) has only dates that read either way (days 1 to 12), read month-first, while 'usage.csv' (usage) was read day-first: if it is day-first too, give --date-format lots=dmy (date_format: dmy on the stage)")
        // Nothing to say without a day-first input, or without one read either way.
        #expect(PipelineRunner.dateOrderNote([("u", "u.csv", "usage", .monthFirst), ("l", "l.csv", "lots", .eitherWay)]) == nil)
        #expect(PipelineRunner.dateOrderNote([("u", "u.csv", "usage", .dayFirst), ("i", "i.csv", "inventory", .monthFirst)]) == nil)
    }
}
