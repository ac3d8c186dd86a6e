import Testing
@testable import Tabular

/// A review's Spanish month-per-column sheet (`ene-26 ... dic-26`): only the eight headers
/// that are also English abbreviations read, April and August became months of no use,
/// January and December vanished, and every forecast came out 20% low (1,201 for 1,500).
/// Month names and abbreviations in Spanish, French, German, Italian, Portuguese and Dutch
/// now read wherever English ones do, in any case, with or without accents and a dot.
@Suite("Month names in other languages")
struct ForeignMonthNamesTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

    /// Spanish Excel's twelve headers, each the 1st of its month of 2026.
    @Test func spanishMonthHeadersReadAsTheirMonths() {
        let headers = ["ene-26", "feb-26", "mar-26", "abr-26", "may-26", "jun-26", "jul-26", "ago-26", "sep-26", "oct-26", "nov-26", "dic-26"]
        #expect(headers.map { DateParser().parse($0) } == (1...12).map { day(2026, $0, 1) })
    }

    /// Each spelling names its month: accents on or off, upper or lower case, a dot after an
    /// abbreviation, as a period and in a full date.
    @Test("spellings of other languages", arguments: [
        ("15-ene-2026", 2026, 1, 15), ("15 mars 2026", 2026, 3, 15), ("März 2026", 2026, 3, 1), ("MÄRZ 2026", 2026, 3, 1),
        ("Mär 2026", 2026, 3, 1), ("Mrz 2026", 2026, 3, 1), ("Maerz 2026", 2026, 3, 1), ("févr. 2026", 2026, 2, 1),
        ("fevr-26", 2026, 2, 1), ("FÉVR-26", 2026, 2, 1), ("déc-26", 2026, 12, 1), ("DÉC-26", 2026, 12, 1), ("août 2026", 2026, 8, 1),
        ("aout 2026", 2026, 8, 1), ("1 août 2026", 2026, 8, 1), ("ene.-26", 2026, 1, 1), ("15-ene.-2026", 2026, 1, 15),
        ("janv. 2026", 2026, 1, 1), ("juil-26", 2026, 7, 1), ("Okt-26", 2026, 10, 1), ("Dez 2026", 2026, 12, 1),
        ("gen-26", 2026, 1, 1), ("giu-26", 2026, 6, 1), ("dicembre 2026", 2026, 12, 1), ("out-26", 2026, 10, 1),
        ("março 2026", 2026, 3, 1), ("MARÇO 2026", 2026, 3, 1), ("mrt-26", 2026, 3, 1), ("mei-26", 2026, 5, 1),
        ("15.ene.2026", 2026, 1, 15), ("Jänner 2026", 2026, 1, 1), ("septiembre 2026", 2026, 9, 1),
    ])
    func spelling(text: String, year: Int, month: Int, dayOfMonth: Int) {
        #expect(DateParser().parse(text) == day(year, month, dayOfMonth))
    }

    /// No spelling names two months across the seven languages (French `jui` is not one).
    @Test func noSpellingNamesTwoMonths() {
        #expect(DateParser.monthSpellingsConflicts.isEmpty)
        #expect(DateParser().parse("jui-26") == nil)
    }

    /// A foreign month is a month label (a month's total, not its 1st day) and its last day
    /// is the month's: `dic-26` ends on 2026-12-31, `févr.-26` on 2026-02-28.
    @Test func aForeignMonthIsAMonthLabel() {
        for text in ["ene-26", "févr-26", "März 2026"] {
            var text = text
            #expect(text.withUTF8 { DateParser.namesMonth($0) })
        }
        #expect(DateParser().parseLastDay("dic-26") == day(2026, 12, 31))
        #expect(DateParser().parseLastDay("févr.-26") == day(2026, 2, 28))
    }

    /// A misspelt month is named, and the message lists what is read.
    @Test func aMisspeltForeignMonthIsNamed() {
        var text = "15-enx-2026"
        let message = text.withUTF8 { DateParser().explainFailure($0) }
        #expect(message == "'15-enx-2026' is not a valid date ('enx' is not a month name; expected a month's name or its abbreviation, such as Jan, January, ene, enero, févr, März or déc, in English, Spanish, French, German, Italian, Portuguese or Dutch, in any case)")
        var accented = "15-éxo-2026"
        #expect(accented.withUTF8 { DateParser().explainFailure($0) }.contains("'éxo' is not a month name"))
    }
}
