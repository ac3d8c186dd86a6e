import Testing
@testable import Pipeline

/// A review's Spanish pharmacy extract of 2-12 March 2026 (`02/03/2026` ... `12/03/2026`,
/// `1.200,0`, `;`): `inspect` showed `Fecha: date (mdy)` and "dates: 2026-02-03 to 2026-12-03"
/// with no warning. A file whose every slash date reads either way is now said to, with both
/// readings; with a decimal comma it is shown day-first, as the import reads it with
/// --decimal-comma.
@Suite struct InspectEitherWayDatesTests {
    @Test func aDecimalCommaFileIsShownDayFirstWithTheOtherReading() throws {
        let workspace = try Workspace()
        try workspace.write("c.csv", "Fecha;Cantidad\n02/03/2026;1.200,0\n07/03/2026;300,0\n12/03/2026;300,0\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("c.csv").path, kind: "usage")
        #expect(inspection.decimalComma)
        #expect(inspection.columns[0].dateFormat == "dmy" && inspection.columns[0].dates == "2026-03-02 to 2026-03-12", "\(inspection.report)")
        #expect(inspection.dateOrder == "every slash date in 'Fecha' reads either way (no day above 12), and was read day-first (DD/MM/YYYY), as the import reads them with --decimal-comma (decimal: comma), since the numbers are written with a decimal comma, which goes with day-first dates: 2026-03-02 to 2026-03-12; read month-first they would be 2026-02-03 to 2026-12-03. If they are month-first, give --date-format mdy, or --date-format usage=mdy for this input alone (date_format: mdy in a pipeline)", "\(inspection.report)")
    }

    /// With a decimal point the file stays month-first (2026-02-03 to 2026-12-03), and a
    /// warning gives the day-first reading (2026-03-02 to 2026-03-12) and `--date-format dmy`.
    @Test func aDecimalPointFileStaysMonthFirstWithAWarning() throws {
        let workspace = try Workspace()
        try workspace.write("u.csv", "date,qty\n02/03/2026,1200.5\n12/03/2026,300.5\n")
        let inspection = try ExportInspection(path: workspace.url.appendingPathComponent("u.csv").path, kind: nil)
        #expect(inspection.columns[0].dateFormat == "mdy" && inspection.columns[0].dates == "2026-02-03 to 2026-12-03", "\(inspection.report)")
        #expect(inspection.dateOrder == nil)
        #expect(inspection.warnings.contains("every slash date in 'date' reads either way (no day above 12), and was read month-first (MM/DD/YYYY), the default: 2026-02-03 to 2026-12-03; read day-first they would be 2026-03-02 to 2026-03-12. If they are day-first, give --date-format dmy (date_format: dmy in a pipeline)"), "\(inspection.report)")
    }
}
