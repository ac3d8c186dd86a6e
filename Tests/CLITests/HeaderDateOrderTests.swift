import Foundation
import Testing

/// A wide sheet with one column per day (`dd/mm/yyyy` headers) has its header dates read in
/// one order, as a column's dates are (`HeaderDateOrder`). A review's Spanish daily sheet of
/// 2-14 March 2026 was read month-first even with --decimal-comma, GASA one column a month
/// from February to December (103.5 in March for 1,410.5), and its `13/03/2026` and
/// `14/03/2026` were left out as "header does not fit".
@Suite struct HeaderDateOrderTests {
    static func aggregate(_ file: String, _ text: String, _ flags: [String]) throws -> (run: CLIRunner.Outcome, out: String) {
        let dir = try CLIRunner.workspace()
        try text.write(to: dir.appendingPathComponent(file), atomically: false, encoding: .utf8)
        let run = try CLIRunner.run(["aggregate", "--input", file, "--columns", "item=articulo", "--unpivot", "*", "--names-to", "date",
                                     "--values-to", "quantity", "--partial", "keep", "--out", "o.csv"] + flags, in: dir)
        let out = (try? CLIRunner.read(dir.appendingPathComponent("o.csv"))) ?? ""
        return (run, out)
    }

    /// `13/03/2026` reads only day-first and decides for the header: 2, 3 and 13 March,
    /// GASA 102.5 + 103.5 + 113.5 = 319.5 in March. It was left out, and 2 and 3 March read
    /// as 3 February (102.5) and 3 March (103.5).
    @Test func aHeaderDateThatReadsOnlyDayFirstDecides() throws {
        let (run, out) = try Self.aggregate("d.csv", "articulo,02/03/2026,03/03/2026,13/03/2026\nGASA,102.5,103.5,113.5\n", [])
        #expect(run.status == 0 && !run.stderr.contains("header does not fit"), "\(run.stderr)")
        #expect(out == "series,period,value\nGASA,2026-03,319.5\n", "\(out)")
        #expect(run.stderr.contains("the header's slash dates read day-first (DD/MM/YYYY), one order for the file: '13/03/2026' reads only so"), "\(run.stderr)")
    }

    /// Every header date reads either way (2, 3 and 12 March): with --decimal-comma they are
    /// read day-first, 102.5 + 103.5 + 112.5 = 318.5 in March (month-first they were February,
    /// March and December), and said with both spans.
    @Test func aDecimalCommaReadsEitherWayHeaderDatesDayFirst() throws {
        let (run, out) = try Self.aggregate("d.csv", "articulo;02/03/2026;03/03/2026;12/03/2026\nGASA;102,5;103,5;112,5\n", ["--decimal-comma"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(out == "series,period,value\nGASA,2026-03,318.5\n", "\(out)")
        #expect(run.stderr.contains("every slash date of the header of 'd.csv' ('02/03/2026' to '12/03/2026') reads either way (no day above 12), and was read day-first (DD/MM/YYYY), since the numbers are read with a decimal comma, which goes with day-first dates: 2026-03-02 to 2026-03-12; read month-first they would be 2026-02-03 to 2026-12-03"), "\(run.stderr)")
    }

    /// With a decimal point the default stands (3 February, 3 March, 3 December), and is said.
    @Test func aDecimalPointKeepsMonthFirstAndSaysSo() throws {
        let (run, out) = try Self.aggregate("d.csv", "articulo,02/03/2026,03/03/2026,12/03/2026\nGASA,102.5,103.5,112.5\n", [])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(out.hasPrefix("series,period,value\nGASA,2026-02,102.5\nGASA,2026-03,103.5\n") && out.hasSuffix("GASA,2026-12,112.5\n"), "\(out)")
        #expect(run.stderr.contains("every slash date of the header of 'd.csv' ('02/03/2026' to '12/03/2026') reads either way (no day above 12), and was read month-first (MM/DD/YYYY), the default"), "\(run.stderr)")
    }

    /// Month names (`Sep-25` to `Dez-25`) are not written with numbers: no note that they
    /// could be January 9-12 written day-first.
    @Test func monthNamesGetNoDayFirstNote() throws {
        let (run, out) = try Self.aggregate("v.csv", "articulo,Sep-25,Okt-25,Nov-25,Dez-25\nA,1,2,3,4\n", [])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(out == "series,period,value\nA,2025-09,1\nA,2025-10,2\nA,2025-11,3\nA,2025-12,4\n", "\(out)")
        #expect(!run.stderr.contains("day-first"), "\(run.stderr)")
    }
}
