import Foundation
import Testing
import Pipeline

// README-BEGIN
/// An analyst's own stage: keeps the series with the largest forecast totals.
struct TopItems: Stage {
    static let kind = "top_items"
    static let summary = "Keep the series with the largest forecast totals."
    static let outputs = ["table"]
    static let parameters = [
        ParameterSpec("input", .reference, required: true, "a forecast stage's forecasts"),
        ParameterSpec("count", .integer, default: "10", "how many series to keep"),
    ]

    var input: String
    var count: Int
    var inputs: [String] { [input] }

    init(input: String, count: Int) {
        self.input = input
        self.count = count
    }

    init(parameters p: StageParameters) throws {
        self.init(input: try p.requiredString("input"), count: try p.integer("count") ?? 10)
    }

    func run(_ context: StageContext) throws -> [String: Table] {
        let table = try context.table(input)
        guard let series = table.texts("series"), let forecast = table.numbers("forecast") else {
            throw PipelineError(location: nil, "top_items needs series and forecast columns")
        }
        var totals: [String: Double] = [:]
        for (key, value) in zip(series, forecast) { totals[key, default: 0] += value }
        let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let top = Set(ranked.prefix(count).map(\.key))
        return ["table": table.filtered(series.map(top.contains))]
    }
}

/// The weekly demand job written in Swift: the same stages and runner as a YAML pipeline.
func forecastTopItems(in folder: String) throws -> PipelineRunner.RunResult {
    let runner = PipelineRunner(quiet: true)
    return try runner.run([
        .init("usage", try ImportStage(file: "usage.csv", table: "usage",
                                       columns: ["date": "Trans Date", "item": "Item #", "quantity": "Qty Issued"])),
        .init("monthly", AggregateStage(input: "usage")),
        .init("demand", ForecastStage(input: "monthly", horizon: 6)),
        .init("top", TopItems(input: "demand.forecasts", count: 2)),
        .init("save", try ExportStage(input: "top", file: "top_items.csv")),
    ], directory: folder, output: folder + "/out")
}
// README-END

@Suite struct ReadmeExampleTests {
    @Test func theSwiftExampleRuns() throws {
        let ws = try Workspace()
        let result = try forecastTopItems(in: ws.path)
        #expect(result.manifest.stages.map(\.name) == ["usage", "monthly", "demand", "top", "save"])
        let rows = try ws.read("out/top_items.csv").split(separator: "\n")
        // Two series of six months each: GLOVES and SYRINGE out-forecast the rare implant.
        #expect(rows.count == 1 + 2 * 6)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("GLOVES,") || $0.hasPrefix("SYRINGE,") })
    }

    @Test func theCustomStageRunsFromYAMLOnceRegistered() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline + """

          top:
            kind: top_items
            input: demand.forecasts
            count: 1
          save_top:
            kind: export
            input: top
            file: top.csv
        """)
        #expect(throws: PipelineValidationError.self) { try PipelineRunner(quiet: true).validate(ws.path + "/p.yml") }
        var registry = StageRegistry.standard
        registry.register(TopItems.self)
        _ = try PipelineRunner(registry: registry, quiet: true).run(ws.path + "/p.yml")
        let rows = try ws.read("out/top.csv").split(separator: "\n")
        #expect(rows.count == 1 + 6)
        #expect(rows[1].hasPrefix("GLOVES,"))
    }

    /// The README shows exactly the code above, so the documented example cannot rot.
    @Test func theReadmeShowsThisCode() throws {
        let here = URL(fileURLWithPath: #filePath)
        let source = try String(contentsOf: here, encoding: .utf8)
        let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(source.range(of: "// README-BEGIN\n")), end = try #require(source.range(of: "// README-END"))
        let example = String(source[begin.upperBound..<end.lowerBound])
        #expect(readme.contains(example))
    }
}
