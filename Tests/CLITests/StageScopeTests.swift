import Foundation
import Testing
@testable import History
import TestScratch

/// Review case 01: a copy of the hospital's pipeline with `where: {department: ICU}` on its
/// import, sharing the history and the stage name `demand`, stored its ICU-only figures as
/// revisions of the hospital's (10-4410 January 1135 -> 746), and track scored the hospital's
/// forecasts against them: WAPE 56.2% where 3.0% is right. A run's stage now records what it
/// reads (`StageScope`), and one of the stage name reading other rows is refused before it runs.
@Suite struct StageScopeTests {
    /// Item A, 12 months of 2025: ICU uses 65 a month, Med-Surg 35 (the hospital 100), one
    /// row a department on the 15th.
    static let usage = "date,item,quantity,department\n" + (1...12).flatMap { m in
        ["2025-\(m < 10 ? "0" : "")\(m)-15,A,65,ICU", "2025-\(m < 10 ? "0" : "")\(m)-15,A,35,MedSurg"]
    }.joined(separator: "\n") + "\n"

    static func pipeline(where condition: String = "") -> String {
        """
        history: shared.sqlite
        stages:
          usage: {kind: import, table: usage, file: usage.csv\(condition)}
          monthly: {kind: aggregate, input: usage}
          demand: {kind: forecast, input: monthly, horizon: 2, backtest: 0, models: naive}
          save: {kind: export, input: demand.forecasts, file: forecasts.csv}

        """
    }

    static func workspace() throws -> URL {
        let dir = try CLIRunner.workspace()
        try usage.write(to: dir.appendingPathComponent("usage.csv"), atomically: false, encoding: .utf8)
        try pipeline().write(to: dir.appendingPathComponent("hospital.yml"), atomically: false, encoding: .utf8)
        try pipeline(where: ", where: {department: ICU}").write(to: dir.appendingPathComponent("icu.yml"), atomically: false, encoding: .utf8)
        return dir
    }

    /// The hospital's run records 100 a month; the ICU copy's run (65 a month, 35% less in
    /// every month, which the figure checks pass as a restatement) is refused before it runs,
    /// naming both scopes, and the history keeps one run, its December actual 100.
    @Test func aCopyFilteredToOneDepartmentIsRefusedBeforeItRuns() throws {
        let dir = try StageScopeTests.workspace()
        let hospital = try CLIRunner.run(["run", "hospital.yml", "--quiet", "--out", "h"], in: dir)
        #expect(hospital.status == 0, "\(hospital.stderr)")
        let icu = try CLIRunner.run(["run", "icu.yml", "--quiet", "--out", "i"], in: dir)
        #expect(icu.status == 1)
        #expect(icu.stderr.contains("shared.sqlite: the history's stage 'demand' was recorded by a run that read usage.csv (sum of quantity by item; table usage) (run 1)"), "\(icu.stderr)")
        #expect(icu.stderr.contains("this run's stage 'demand' reads usage.csv (sum of quantity by item; table usage, where {department: ICU})"), "\(icu.stderr)")
        #expect(icu.stderr.contains("run again with --same-job"), "\(icu.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("i").path))
        let reader = try RunHistory.openForReading(dir.appendingPathComponent("shared.sqlite").path)
        #expect(try reader.connection.integer("SELECT count(*) FROM runs") == 1)
        #expect(try reader.connection.integer("SELECT count(*) FROM actuals WHERE period = '2025-12' AND value = 100") == 1)
        #expect(try reader.connection.integer("SELECT count(*) FROM actuals WHERE value = 65") == 0)
    }

    /// The same job, its filter added on purpose: `--same-job` records it, and the next ICU
    /// run is compared with the ICU scope (accepted), the hospital's with it (refused).
    @Test func sameJobRecordsTheChangedScope() throws {
        let dir = try StageScopeTests.workspace()
        #expect(try CLIRunner.run(["run", "hospital.yml", "--quiet", "--out", "h"], in: dir).status == 0)
        let changed = try CLIRunner.run(["run", "icu.yml", "--quiet", "--out", "i", "--same-job"], in: dir)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try CLIRunner.run(["run", "icu.yml", "--quiet", "--out", "i"], in: dir).status == 0)
        #expect(try CLIRunner.run(["run", "hospital.yml", "--quiet", "--out", "h"], in: dir).status == 1)
    }

    /// Reruns of one pipeline, and a renamed export file, are one job.
    @Test func theSamePipelineAgainIsRecorded() throws {
        let dir = try StageScopeTests.workspace()
        #expect(try CLIRunner.run(["run", "hospital.yml", "--quiet", "--out", "h"], in: dir).status == 0)
        try StageScopeTests.usage.write(to: dir.appendingPathComponent("usage_2026-01.csv"), atomically: false, encoding: .utf8)
        let again = try CLIRunner.run(["run", "hospital.yml", "--quiet", "--out", "h", "--set", "usage.file=usage_2026-01.csv"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        let reader = try RunHistory.openForReading(dir.appendingPathComponent("shared.sqlite").path)
        #expect(try reader.connection.integer("SELECT count(*) FROM runs") == 2)
        #expect(try reader.scope(of: "demand")?.files == "usage_2026-01.csv")
    }

    /// A history of schema version 1 (no scope columns), one run in it, still opens to read
    /// and to write: the next run brings it to version 2 and keeps the old run.
    @Test func aHistoryWithoutTheScopeColumnStillOpens() throws {
        let path = TestScratch.path("qm-scope", suffix: ".sqlite").path
        let old = try SQLiteConnection(path: path, create: true)
        try old.execute(HistorySchema.migrations[0])
        try old.execute("PRAGMA application_id = \(HistorySchema.applicationID); PRAGMA user_version = 1")
        try old.execute("INSERT INTO runs VALUES (1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 'run', NULL, '2025-12', 'out')")
        try old.execute("INSERT INTO stage_runs VALUES (1, 'demand', 'month', '2025-12')")
        old.close()
        let reader = try RunHistory.openForReading(path)
        #expect(reader.schemaVersion == 1)
        reader.connection.close()
        let history = try RunHistory.open(path)
        #expect(history.schemaVersion == 2)
        #expect(try history.scope(of: "demand") == nil)
        #expect(try history.connection.integer("SELECT count(*) FROM runs") == 1)
    }
}
