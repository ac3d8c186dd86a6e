import Foundation
import Testing

/// A staffing coordinator's review (session 39): exports that split a night at midnight, and
/// punches missing their out-punch, on the hand-made Med-Surg unit (only the night of
/// 2025-03-20 is short, 3 RNs for 20 patients).
extension ShiftStaffingCommandTests {
    /// Finding 4: each night span written as two rows of its nurse, 19:00 to 23:59 (or
    /// 23:59:59) and 00:00 to 07:00 the next day, as "hours by day" exports write them. The
    /// minute between read as nobody on duty: every night 0 RNs, 84 false breaches. One
    /// person's spans a minute apart are one stretch on duty: only the short night breaches.
    @Test(arguments: ["23:59", "23:59:59"]) func aNightSplitAtMidnightIsOneStretchOnDuty(_ lastMinute: String) throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        func fields(_ line: Substring) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func isNight(_ line: Substring) -> Bool { fields(line).count == 8 && fields(line)[5].hasPrefix("N") }
        try Self.rewrite(dir, "timekeeping.csv", keep: { !isNight($0) }, add: { line in
            guard isNight(line) else { return [] }
            let f = fields(line), day = f[0], next = String(f[7].prefix(10))
            return ["\(day),Med-Surg,5,RN,REG,\(f[5]),\(day) 19:00,\(day) \(lastMinute)",
                    "\(next),Med-Surg,7,RN,REG,\(f[5]),\(next) 00:00,\(next) 07:00"]
        })
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--quiet" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.filter { $0.last == "no" } == [["Med-Surg", Self.shortNight, "night", "RN", "20", "3", "6.67", "5", "no"]],
                "\(shifts.filter { $0.last == "no" }.prefix(3))")
        #expect(shifts.contains(["Med-Surg", "2025-03-19", "night", "RN", "20", "4", "5", "5", "yes"]))
        #expect(run.stderr.contains("within a minute of the end of the one before (a shift split at midnight, 23:59 then 00:00): joined"), "\(run.stderr)")
    }

    /// A nurse's spans an hour apart (a break off the clock) are not joined: the gap stays a gap.
    @Test func spansAnHourApartAreNotJoined() throws {
        let day = Self.shortNight
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Night nurse N0 of the 19th leaves at 23:00 and is back 00:00.
        let next = "2025-03-20"
        try Self.rewrite(dir, "timekeeping.csv", keep: { !$0.hasPrefix("2025-03-19,Med-Surg,12,RN,REG,N0,") }, add: { line in
            line.hasPrefix("2025-03-19,Med-Surg,12,RN,REG,N0,")
                ? ["2025-03-19,Med-Surg,4,RN,REG,N0,2025-03-19 19:00,2025-03-19 23:00", "\(next),Med-Surg,7,RN,REG,N0,\(next) 00:00,\(next) 07:00"] : []
        })
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--quiet" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.contains(["Med-Surg", "2025-03-19", "night", "RN", "20", "3", "6.67", "5", "no"]), "\(shifts.filter { $0.last == "no" })")
        #expect(shifts.contains(["Med-Surg", day, "night", "RN", "20", "3", "6.67", "5", "no"]))
        #expect(!run.stderr.contains("joined"), "\(run.stderr)")
    }

    /// Finding 5: a day nurse's out-punch missing on 2025-01-16, the hours (12) still on the
    /// row, as payroll keeps them. The row was rejected, hours and all: the pay period read
    /// 1,332 worked hours for 1,344 (4.6% of such rows failed the run). Its hours are kept and
    /// the row is named; the nurse is not placed on the clock (start plus hours is no safe
    /// span), so the day shift reads 3 on duty with her hours named beside it.
    @Test func aMissedOutPunchKeepsItsHoursAndIsNamed() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let day = "2025-01-16"
        try Self.rewrite(dir, "timekeeping.csv", keep: { !$0.hasPrefix("\(day),Med-Surg,12,RN,REG,D0,") }, add: { line in
            line.hasPrefix("\(day),Med-Surg,12,RN,REG,D0,") ? ["\(day),Med-Surg,12,RN,REG,D0,\(day) 07:00,"] : []
        })
        let run = try CLIRunner.run(Self.arguments.filter { $0 != "--quiet" }, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("rejected (") && run.stderr.contains("0 rejected"), "\(run.stderr)")
        #expect(run.stderr.contains("1 row with a start but no end (a missed punch-out), first on line"), "\(run.stderr)")
        let productivity = try Self.rows(dir, "staffing_productivity.csv")
        #expect(productivity.count > 1 && productivity[1].prefix(5) == ["Med-Surg", "2025-01-06", "2025-01-19", "1344", "1344"], "\(productivity)")
        let shifts = try Self.rows(dir, "staffing_shifts.csv")
        #expect(shifts.contains(["Med-Surg", day, "day", "RN", "20", "3", "6.67", "5", "no"]), "\(shifts.filter { $0.last == "no" })")
        let report = try CLIRunner.read(dir.appendingPathComponent("out/staffing_plan.md"))
        #expect(report.contains("Med-Surg RN \(day) 12"), "\(report.prefix(3000))")
    }
}
