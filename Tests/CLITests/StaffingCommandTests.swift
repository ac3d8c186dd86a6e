import Foundation
import Testing

/// `quartermaster staffing` on the corpus's small ICU exports, for what issue 23 made a note
/// or a failure rather than a rejected row: unknown pay codes, `--pay-codes`, and targets
/// whose units have no census.
@Suite struct StaffingCommandTests {
    func workspace(timekeeping: [[String]] = CSVInput.timekeepingRows, targets: [[String]] = CSVInput.targetsRows) throws -> URL {
        let dir = try CLIRunner.workspace()
        let files = ["census.csv": CSVInput.csv(CSVInput.censusHeader, CSVInput.censusRows),
                     "timekeeping.csv": CSVInput.csv(CSVInput.timekeepingHeader, timekeeping),
                     "targets.csv": CSVInput.csv(CSVInput.targetsHeader, targets)]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        return dir
    }

    /// The corpus's timekeeping with every tenth RN row under a pay code nobody knows.
    static let oddCodes: [[String]] = CSVInput.timekeepingRows.enumerated().map { k, row in
        var row = row
        if k % 20 == 0 { row[CSVInput.timekeepingHeader.firstIndex(of: "pay_type")!] = "BONUSHRS" }
        return row
    }

    @Test func unknownPayCodesAreListedWithTheirHoursNotCountedAsRegular() throws {
        let dir = try workspace(timekeeping: StaffingCommandTests.oddCodes)
        let run = try CLIRunner.run(CSVInput.staffingArguments, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // 84 days, every tenth RN row (12 h): 9 rows, 108 h.
        #expect(run.stderr.contains("Pay codes not recognised, left out of worked hours: BONUSHRS (108 h)"), "\(run.stderr)")
        #expect(try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md")).contains("BONUSHRS (108 h)"))
    }

    @Test func payCodesFlagMapsThem() throws {
        let dir = try workspace(timekeeping: StaffingCommandTests.oddCodes)
        let run = try CLIRunner.run(CSVInput.staffingArguments + ["--pay-codes", "BONUSHRS=overtime,Call=regular"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("BONUSHRS"), "\(run.stderr)")
        let bad = try CLIRunner.run(CSVInput.staffingArguments + ["--pay-codes", "BONUSHRS=bonus"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("regular, overtime, agency, non_productive"), "\(bad.stderr)")
    }

    @Test func targetsWithoutCensusAreNamedAndNoneMatchingFails() throws {
        let some = try workspace(targets: CSVInput.targetsRows + [["5 East", "RN", "8", "10", "50", "1.5", "95", "4"]])
        let partly = try CLIRunner.run(CSVInput.staffingArguments, in: some)
        #expect(partly.status == 0, "\(partly.stderr)")
        #expect(partly.stderr.contains("1 unit planned") && partly.stderr.contains("no census for the unit: 5 East"), "\(partly.stderr)")
        #expect(try CLIRunner.read(some.appendingPathComponent("out/staffing_plan.md")).contains("5 East"))

        let none = try workspace(targets: CSVInput.targetsRows.map { ["5 East"] + $0.dropFirst() })
        let failed = try CLIRunner.run(CSVInput.staffingArguments, in: none)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("targets.csv") && failed.stderr.contains("5 East") && failed.stderr.contains("census has ICU"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: none.appendingPathComponent("out").path))
    }
}
