import Foundation
import Testing
@testable import Pipeline

/// What a stage's scope (`StageScope`) holds: every setting of the stages it reads from that
/// selects which rows exist, and nothing that only spells them another way.
@Suite struct StageScopeClausesTests {
    /// The scope of stage `demand` in a pipeline whose stages are `stages` (YAML lines).
    static func scope(_ stages: String, files: [String: String] = [:]) throws -> String {
        let ws = try Workspace()
        try ws.write("usage.csv", "date,item,quantity,department\n2026-01-05,A,40,ICU\n2026-01-06,B,25,MedSurg\n")
        try ws.write("wide.csv", "Trans Date,Item #,6010 ICU,6030 Med-Surg 4E\n2026-01-05,A,40,25\n")
        try ws.write("items.csv", "item,vendor\nA,Medline\n")
        try ws.write("p.yml", "calendar: {frequency: month}\nstages:\n" + stages)
        let stages = try PipelineRunner(quiet: true).validate(ws.path + "/p.yml").stages
        return StageScope(of: "demand", in: stages).clauses
    }

    /// Review 2 case 01: the ICU copy of a wide export's pipeline (`unpivot: {columns:
    /// ["6010 ICU"]}` for `"6*"`) recorded the hospital job's scope byte for byte, and track
    /// scored the hospital's forecasts at WAPE 24.1% for 3.0%. The unpivot's settings are in it.
    @Test func anUnpivotsColumnChoiceIsInTheScope() throws {
        func pipeline(_ columns: String) -> String {
            """
              usage:
                kind: import
                table: usage
                file: wide.csv
                columns: {date: "Trans Date", item: "Item #"}
                unpivot: {columns: \(columns), names_to: department, values_to: quantity}
              monthly: {kind: aggregate, input: usage, partial: keep}
              demand: {kind: forecast, input: monthly, horizon: 1}

            """
        }
        let hospital = try StageScopeClausesTests.scope(pipeline("\"6*\""))
        let icu = try StageScopeClausesTests.scope(pipeline("[\"6010 ICU\"]"))
        #expect(hospital.contains("unpivot.columns 6*"), "\(hospital)")
        #expect(icu.contains("unpivot.columns [6010 ICU]"), "\(icu)")
        #expect(hospital != icu)
    }

    /// An inner join drops the rows without a match, as `where:` does: `how` and the keys are
    /// in the scope (before, a join left no trace in it, inner or left).
    @Test func aJoinIsInTheScope() throws {
        func pipeline(_ how: String) -> String {
            """
              usage: {kind: import, table: usage, file: usage.csv}
              items: {kind: import, table: items, file: items.csv}
              joined: {kind: join, left: usage, right: items, how: \(how)}
              monthly: {kind: aggregate, input: joined, partial: keep}
              demand: {kind: forecast, input: monthly, horizon: 1}

            """
        }
        let inner = try StageScopeClausesTests.scope(pipeline("inner")), left = try StageScopeClausesTests.scope(pipeline("left"))
        #expect(inner.contains("join inner on item"), "\(inner)")
        #expect(left.contains("join left on item"), "\(left)")
    }

    /// `where: {item: "B|A"}` keeps the rows `"A|B"` keeps: one scope (it was refused as
    /// another job's). So in a filter stage.
    @Test func whereAlternativesAreASet() throws {
        func pipeline(_ items: String) -> String {
            """
              usage: {kind: import, table: usage, file: usage.csv, where: {item: "\(items)"}}
              kept: {kind: filter, input: usage, where: {department: "\(items == "A|B" ? "ICU|MedSurg" : "MedSurg|ICU")"}}
              monthly: {kind: aggregate, input: kept, partial: keep}
              demand: {kind: forecast, input: monthly, horizon: 1}

            """
        }
        let one = try StageScopeClausesTests.scope(pipeline("A|B")), other = try StageScopeClausesTests.scope(pipeline("B|A"))
        #expect(one == other)
        #expect(one.contains("where {item: A|B}") && one.contains("filter keeping {department: ICU|MedSurg}"), "\(one)")
    }
}
