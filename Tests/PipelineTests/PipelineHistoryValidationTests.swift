import Foundation
import Testing
@testable import Pipeline
import Tabular

/// What `run` refuses before doing anything, `validate` reports at its YAML line (a review:
/// four pipelines validate passed and run refused), and the pipeline file's own quirks
/// (a byte order mark, a `--set` into a map) are reported where they are.
@Suite struct PipelineHistoryValidationTests {
    func problems(_ yaml: String, overrides: [String] = [], prepare: (Workspace) throws -> Void = { _ in }) throws -> [PipelineError] {
        let ws = try Workspace()
        try ws.write("p.yml", yaml)
        try prepare(ws)
        do {
            _ = try PipelineRunner().validate(ws.path + "/p.yml", overrides: overrides)
            return []
        } catch let error as PipelineValidationError {
            return error.problems
        }
    }

    static let track = "\n  score:\n    kind: track\n"

    /// `history: junk.sqlite` (not SQLite), `history: usage.csv` (the pipeline's own input), a
    /// track stage's `history: junk.sqlite`, and a track stage with no history anywhere.
    @Test func historyFilesAreCheckedAsTheRunWould() throws {
        let junk: (Workspace) throws -> Void = { try $0.write("junk.sqlite", "not a database\n") }
        var found = try problems("history: junk.sqlite\n" + Workspace.goodPipeline + Self.track, prepare: junk)
        #expect(found.contains { $0.location?.line == 1 && $0.message.contains("history: 'junk.sqlite' is not a Quartermaster run history (not an SQLite database)") }, "\(found)")

        found = try problems("history: usage.csv\n" + Workspace.goodPipeline + Self.track)
        #expect(found.contains { $0.location?.line == 1 && $0.message.contains("the run history names") && $0.message.contains("which is the input file") }, "\(found)")

        found = try problems(Workspace.goodPipeline + Self.track + "    history: junk.sqlite\n", prepare: junk)
        // goodPipeline is 24 lines: the track stage's name is on line 25, its history: on 27.
        #expect(found.contains { $0.location?.line == 27 && $0.message.contains("stage 'score': history 'junk.sqlite' is not a Quartermaster run history") }, "\(found)")

        found = try problems(Workspace.goodPipeline + Self.track)
        #expect(found.contains { $0.location?.line == 25 && $0.message.contains("stage 'score': no history to track") }, "\(found)")

        // With a history of the run's own (to be created), the same pipeline is valid.
        #expect(try problems("history: new.sqlite\n" + Workspace.goodPipeline + Self.track).isEmpty)
    }

    /// A UTF-8 byte order mark before `calendar:` failed as "bom.yml:2:1: not valid YAML".
    @Test func aByteOrderMarkIsNoPartOfThePipeline() throws {
        #expect(try problems("\u{FEFF}" + Workspace.goodPipeline).isEmpty)
        let bad = try problems("\u{FEFF}" + Workspace.goodPipeline.replacingOccurrences(of: "kind: aggregate", with: "kind: agregate"))
        #expect(bad.count == 1 && bad.first?.location?.line == 11 && bad.first?.message.contains("unknown kind 'agregate'") == true, "\(bad)")
    }

    /// `--set f.where.itm=B` and `--set usage.columns.quantity=Qty` were reported at the
    /// YAML line of the map they went into, as if the file were at fault.
    @Test func aSetIntoAMapIsReportedAsTheSet() throws {
        let filter = Workspace.goodPipeline + "\n  f:\n    kind: filter\n    input: usage\n    where: {item: GLOVES}\n"
        var found = try problems(filter, overrides: ["f.where.itm=B"])
        #expect(found.contains { $0.location?.description == "--set f.where.itm=B" && $0.message.contains("where names the column 'itm'") }, "\(found)")
        found = try problems(Workspace.goodPipeline, overrides: ["usage.columns.quantity=Qty"])
        #expect(found.contains { $0.location?.description == "--set usage.columns.quantity=Qty" && $0.message.contains("'Qty'") }, "\(found)")
        // A mistake of the file's own, in a map the --set did not touch, stays at its line.
        found = try problems(filter.replacingOccurrences(of: "{item: GLOVES}", with: "{itme: GLOVES}"), overrides: ["usage.columns.quantity=Qty Issued"])
        #expect(found.contains { $0.location?.line == 28 && $0.message.contains("'itme'") }, "\(found)")
    }

    /// `--set usage.where.itm=B` on an import whose YAML has a `where:` map was reported at that
    /// map's line; with no `where:` it was the --set's. The --set's in both cases.
    @Test func aSetIntoAnImportsWhereIsReportedAsTheSetWhetherOrNotTheMapIsThere() throws {
        let withWhere = Workspace.goodPipeline.replacingOccurrences(of: "    columns: {date:", with: "    where: {item: A}\n    columns: {date:")
        #expect(withWhere != Workspace.goodPipeline)
        for yaml in [withWhere, Workspace.goodPipeline] {
            let found = try problems(yaml, overrides: ["usage.where.itm=B"])
            #expect(found.contains { $0.location?.description == "--set usage.where.itm=B" && $0.message.contains("'itm' is not a column of usage") }, "\(found)")
        }
        // The file's own misspelt key stays at its line.
        let found = try problems(withWhere.replacingOccurrences(of: "{item: A}", with: "{itme: A}"), overrides: ["usage.where.item=B"])
        #expect(found.contains { $0.location?.line == 9 && $0.message.contains("'itme' is not a column of usage") }, "\(found)")
    }
}
