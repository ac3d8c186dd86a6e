import Testing
@testable import Pipeline

/// Each invalid-pipeline case is reported with the YAML line it is on.
@Suite struct PipelineValidationTests {
    func problems(_ yaml: String) throws -> [PipelineError] {
        let ws = try Workspace()
        try ws.write("p.yml", yaml)
        do {
            _ = try PipelineRunner().validate(ws.path + "/p.yml")
            return []
        } catch let error as PipelineValidationError {
            return error.problems
        }
    }

    func expectProblem(_ yaml: String, line: Int, containing text: String) throws {
        let found = try problems(yaml)
        #expect(found.contains { $0.location?.line == line && $0.message.contains(text) }, "got \(found)")
    }

    @Test func aGoodPipelineValidates() throws {
        #expect(try problems(Workspace.goodPipeline).isEmpty)
    }

    /// A filter's `where:` column and a join's key that the imported table cannot have are
    /// validation problems at their lines; validate passed them and the run failed late.
    @Test func filterAndJoinColumnsAreChecked() throws {
        let yaml = Workspace.goodPipeline + "\n  icu:\n    kind: filter\n    input: usage\n    where: {itme: A1}\n  joined:\n    kind: join\n    left: icu\n    right: usage\n    on: sku\n"
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let whereLine = (lines.firstIndex { $0.contains("where: {itme") } ?? 0) + 1, onLine = (lines.firstIndex { $0.contains("on: sku") } ?? 0) + 1
        try expectProblem(yaml, line: whereLine, containing: "stage 'icu': where names the column 'itme', which 'usage' does not have; its columns are date, item, quantity")
        try expectProblem(yaml, line: onLine, containing: "stage 'joined': on names the column 'sku', which 'icu' does not have")
        let good = Workspace.goodPipeline + "\n  icu:\n    kind: filter\n    input: usage\n    where: {item: A1}\n  joined:\n    kind: join\n    left: icu\n    right: usage\n    on: item\n"
        #expect(try problems(good).filter { $0.message.contains("does not have") }.isEmpty)
        // A role of the kind that the file does not carry, and an aggregate's output, which holds
        // series, period and value only.
        let absent = Workspace.goodPipeline + "\n  icu:\n    kind: filter\n    input: usage\n    where: {location: ICU}\n  top:\n    kind: filter\n    input: monthly\n    where: {item: GLOVES}\n"
        let found = try problems(absent).map(\.message)
        #expect(found.contains { $0.contains("where names the column 'location', which 'usage' does not have; its columns are date, item, quantity") }, "\(found)")
        #expect(found.contains { $0.contains("where names the column 'item', which 'monthly' does not have; its columns are series, period, value") }, "\(found)")
    }

    /// A key given twice inside a stage's block (a pipeline author's review): `ctr` mapped to
    /// agency and again to regular passed validate, and one copy silently won.
    @Test func aKeyGivenTwiceInsideABlockIsNamed() throws {
        let yaml = """
            stages:
              tk:
                kind: import
                table: timekeeping
                file: pbj.csv
                unpivot: {columns: "Hrs_*", names_to: [job_code, pay_type], values_to: hours, values_map: {pay_type: {emp: regular, ctr: agency, ctr: regular}}}
            """
        try expectProblem(yaml, line: 6, containing: "stage 'tk': 'unpivot' key 'ctr' is given twice")
    }

    /// An export named as an import's rejects file (`usage.rejects.csv`) passed validate, then
    /// failed the run, and the rejects folder held the export's rows (a pipeline author's review).
    @Test func anExportNamedAsAnImportsRejectsFileIsRefused() throws {
        let yaml = Workspace.goodPipeline + "\n  save_usage:\n    kind: export\n    input: usage\n    file: usage.rejects.csv\n"
        let found = try problems(yaml)
        #expect(found.contains { $0.message.contains("stage 'save_usage': stage 'usage' writes 'usage.rejects.csv'; choose another file name") }, "\(found)")
    }

    /// A YAML merge key is not followed, and says so (it read "stage 'ccu' has no kind:", the
    /// kind coming through the merge).
    /// Two variance stages with `propose` both wrote budget_proposal.csv, and no parameter
    /// renamed it: the run failed after both had run. Each stage's proposal now follows its
    /// `file:` (icu_variance: icu_proposal.csv), so two departments' proposals run together.
    @Test func twoVarianceStagesProposeIntoFilesOfTheirOwn() throws {
        let ws = try VarianceStageTests().workspace()
        let yaml = try ws.read("p.yml").replacingOccurrences(of: "  variance: {kind: variance, budget: budget, actuals: actuals, as_of: \"2026-03\"}", with: """
          icu_b: {kind: filter, input: budget, where: {department: ICU}}
          icu_a: {kind: filter, input: actuals, where: {department: ICU}}
          icu: {kind: variance, budget: icu_b, actuals: icu_a, as_of: "2026-03", propose: FY2027, file: icu_variance}
          west: {kind: variance, budget: budget, actuals: actuals, as_of: "2026-03", propose: FY2027, file: west}
        """)
        try ws.write("p.yml", yaml)
        let (_, stages) = try PipelineRunner().validate(ws.path + "/p.yml")
        #expect(stages.count == 6)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/out")
        let icu = try ws.read("out/icu_proposal.csv"), west = try ws.read("out/west_proposal.csv")
        #expect(icu.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("ICU,") } && west.contains("4 West,"), "\(icu)")
        #expect(!ws.exists("out/budget_proposal.csv"))
    }

    @Test func aMergeKeyIsNamed() throws {
        let yaml = Workspace.goodPipeline + "\n  ccu:\n    <<: {kind: export, input: monthly}\n    file: ccu.csv\n"
        let found = try problems(yaml)
        #expect(found.count == 1 && found[0].message.contains("stage 'ccu': merge keys (<<: *anchor) are not read"), "\(found)")
    }

    /// A stage's kind given twice is that one problem: the stage was checked as the second
    /// kind, and its own parameters read as unknown ones of it.
    @Test func aKindGivenTwiceIsOneProblem() throws {
        let yaml = Workspace.goodPipeline.replacingOccurrences(of: "    horizon: 6", with: "    horizon: 6\n    kind: reorder")
        let found = try problems(yaml)
        #expect(found.count == 1 && found[0].message.contains("parameter 'kind' is given twice"), "\(found)")
    }

    /// One validate names every problem: a missing file beside two values out of range (the
    /// file's problem showed only once the ranges were fixed).
    @Test func aMissingFileIsNamedBesideOtherProblems() throws {
        let yaml = Workspace.goodPipeline + "\n  extra:\n    kind: import\n    table: usage\n    file: nofile.csv\n    reject_threshold: 300\n"
        let found = try problems(yaml).map(\.message)
        #expect(found.contains { $0.contains("nofile.csv") } && found.contains { $0.contains("reject_threshold") }, "\(found)")
    }

    @Test func unknownTopLevelKey() throws {
        try expectProblem("stages: {}\noutptu: x\n", line: 2, containing: "unknown key 'outptu'")
    }

    @Test func unknownParameter() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "    horizon: 6", with: "    horizn: 6"), line: 16, containing: "unknown parameter 'horizn'")
    }

    @Test func wrongType() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "horizon: 6", with: "horizon: six"), line: 16, containing: "whole number")
    }

    /// Every problem at once, in the file's order: a bad value of one stage no longer hides
    /// its second bad value or its reference to a missing stage (six problems took three
    /// rounds of edits).
    @Test func everyProblemOfAStageIsReportedAtOnce() throws {
        let yaml = Workspace.goodPipeline
            .replacingOccurrences(of: "    input: monthly\n    horizon: 6", with: "    input: montly\n    horizon: 0\n    backtest: abc\n    season: 0")
        let found = try problems(yaml)
        #expect(found.map { $0.location?.line ?? 0 } == [15, 16, 17, 18], "got \(found)")
        #expect(found.map(\.message).joined(separator: "\n").contains("names no stage"))
        #expect(found.contains { $0.message.contains("'backtest' must be a whole number") })
        #expect(found.contains { $0.message.contains("horizon must be between 1 and 10000") })
        #expect(found.contains { $0.message.contains("season must be at least 1") })
    }

    /// A bad `--set` value is the command line's: it was reported at the YAML line it replaced.
    @Test func aBadOverrideIsBlamedOnTheOverride() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        let error = #expect(throws: PipelineValidationError.self) { try PipelineRunner().validate(ws.path + "/p.yml", overrides: ["demand.horizon=abc"]) }
        #expect(error?.description.contains("  --set demand.horizon=abc: stage 'demand': 'horizon' must be a whole number, not 'abc'") == true, "\(String(describing: error))")
    }

    /// A line indented too far: the parser's words, then what to look at.
    @Test func anIndentationErrorSaysWhatToCheck() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "    horizon: 6", with: "      horizon: 6"), line: 16,
                          containing: "check this line's indentation against the lines above")
    }

    @Test func unknownKindIsReportedOnceNotAsBrokenReferences() throws {
        let found = try problems(Workspace.goodPipeline.replacingOccurrences(of: "kind: aggregate", with: "kind: agregate"))
        #expect(found.count == 1)
    }

    @Test func unknownKind() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "kind: aggregate", with: "kind: agregate"), line: 11, containing: "unknown kind 'agregate'")
    }

    @Test func missingStageReference() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "input: monthly\n    horizon", with: "input: montly\n    horizon"), line: 15, containing: "names no stage")
    }

    @Test func missingTableOfAStage() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "demand.forecasts", with: "demand.forecast"), line: 19, containing: "has no table 'forecast'")
    }

    @Test func cycle() throws {
        let yaml = "stages:\n  a:\n    kind: filter\n    input: b\n    where: {x: 1}\n  b:\n    kind: filter\n    input: a\n    where: {x: 1}\n"
        let found = try problems(yaml)
        #expect(found.contains { $0.message.contains("cycle") && $0.location?.line != nil })
    }

    @Test func missingFile() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "file: usage.csv", with: "file: nowhere.csv"), line: 8, containing: "file not found")
    }

    @Test func missingRequiredColumnListsTheHeader() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "quantity: \"Qty Issued\"", with: "quantity: \"Qty\""), line: 9, containing: "'Trans Date', 'Item #', 'Qty Issued'")
    }

    @Test func missingRequiredParameter() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "    file: forecasts.csv\n", with: ""), line: 17, containing: "missing required parameter 'file'")
    }

    @Test func outputNamesCannotLeaveTheFolder() throws {
        try expectProblem(Workspace.goodPipeline.replacingOccurrences(of: "file: forecasts.csv", with: "file: ../forecasts.csv"), line: 20, containing: "plain file name")
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        let yaml = Workspace.goodPipeline
            .replacingOccurrences(of: "horizon: 6", with: "horizon: six")
            .replacingOccurrences(of: "kind: aggregate", with: "kind: agregate")
        #expect(try problems(yaml).count >= 2)
    }

    @Test func notYAMLAtAll() throws {
        #expect(try !problems("stages: [unclosed\n").isEmpty)
        #expect(try !problems("- just\n- a list\n").isEmpty)
    }
}
