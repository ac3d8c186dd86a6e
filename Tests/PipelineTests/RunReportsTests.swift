import Foundation
import Testing
@testable import Pipeline
import Reports
#if canImport(FoundationXML)
import FoundationXML
import TestScratch
#endif

/// What `make run` hands people: index.md linking every report and file, each report opening
/// with its executive summary, a cost-reduction section, and charts that real renderers draw.
@Suite(.serialized) struct RunReportsTests {
    static let root = DemoDatasetTests.root

    /// Runs a ready pipeline; without `format`, in the formats its `formats:` names.
    static func run(_ pipeline: String, format: ReportFormat? = nil) throws -> String {
        let out = TestScratch.path("qm-\(pipeline)").path
        var runner = PipelineRunner(quiet: true)
        if let format { runner.reports = ReportOptions(format: format) }
        _ = try runner.run(root.appendingPathComponent("Pipelines/\(pipeline).yml").path, output: out)
        return out
    }

    @Test func demoRunIndexLinksEveryReportAndFileAndNamesTheSavings() throws {
        // As `make run` does: full.yml's own formats, Markdown and workbooks.
        let out = try Self.run("full")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(index.hasPrefix("# Run of "))
        #expect(index.contains("\n## Executive summary\n"))
        for file in files where file != "index.md" {
            #expect(index.contains("](\(file))"), "index.md does not link \(file)")
        }
        let reports = files.filter { $0.hasSuffix(".md") && $0 != "index.md" }
        #expect(reports == ["budget_variance.md", "purchasing.md", "reorder.md", "staffing_plan.md"])
        // full.yml does what each of the other demo pipelines does: purchasing, the reorder's
        // orders and lots (weekly-reorder.yml), and the variance's bottom-up supply spend and
        // scenarios (quarterly-budget.yml), which need months after its as-of.
        for file in ["vendor_scorecard.csv", "price_variance.csv", "lead_times.csv", "expiry_risk.csv", "budget_supply.csv", "budget_scenarios.csv"] {
            #expect(files.contains(file), "full.yml wrote no \(file)")
        }
        for report in reports {
            let text = try String(contentsOfFile: out + "/" + report, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count > 3 && lines[0].hasPrefix("# ") && lines[1] == "## Executive summary" && lines[2].hasPrefix("- "),
                    "\(report) must open with its executive summary")
            // Every chart a report shows is a file of the run.
            for match in text.split(separator: "![").dropFirst() {
                guard let open = match.range(of: "]("), let close = match.range(of: ")", range: open.upperBound..<match.endIndex) else { continue }
                #expect(files.contains(String(match[open.upperBound..<close.lowerBound])))
            }
        }
        // The cost-reduction section: one line per area, each with its dollar figure and report.
        let section = try #require(index.components(separatedBy: "## Cost reduction\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        for area in ["Inventory above target", "Overtime and agency premium", "Vendor price increases", "Rate variances (price or efficiency)"] {
            #expect(section.contains("- \(area): $"), "cost reduction misses \(area)")
        }
        // The planted 12% increase of Pacific Crest Critical Care is the largest vendor increase.
        #expect(section.contains("largest: Pacific Crest Critical Care, 12%"))

        // Charts: fan charts for the top items and each unit's census, variance bars, FTE bars.
        let charts = files.filter { $0.hasSuffix(".svg") }
        #expect(charts.filter { $0.hasPrefix("reorder_outlook_") }.count == ReorderJob.outlookCount)
        #expect(charts.contains("budget_variance_by_department.svg"))
        #expect(charts.contains("staffing_plan_fte.svg"))
        #expect(charts.filter { $0.hasPrefix("staffing_plan_census_") }.count == 8)
        for chart in charts {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + chart))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(chart) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        }
        try SVGRendering.renderEach(charts.map { out + "/" + $0 })

        // One workbook per report, each with its summary, data, native charts and About sheet.
        #expect(files.filter { $0.hasSuffix(".xlsx") } == ["budget_variance.xlsx", "purchasing.xlsx", "reorder.xlsx", "staffing_plan.xlsx"])
        let variance = XLSXArchive(path: out + "/budget_variance.xlsx")
        // Every table the report writes is a sheet: the budget proposal too, when there is one.
        let varianceSheets = try variance.sheetNames()
        #expect(varianceSheets.prefix(2) == ["Summary", "Variance"] && varianceSheets.contains("YTD variance by department") && varianceSheets.last == "About", "\(varianceSheets)")
        #expect(varianceSheets.contains("Proposal") == files.contains("budget_proposal.csv"), "\(varianceSheets)")
        // The scenarios' chart data says what it holds (it was "Scenarios (2)" beside the table).
        #expect(!varianceSheets.contains("Scenarios (2)") && varianceSheets.contains("Scenarios") == varianceSheets.contains("Scenarios by department"), "\(varianceSheets)")
        #expect(try variance.part("xl/charts/chart1.xml").contains("<c:barChart>"))
        let reorder = XLSXArchive(path: out + "/reorder.xlsx")
        #expect(try reorder.sheetNames().prefix(3) == ["Summary", "Reorder", "Replay"])
        #expect(try reorder.entries().filter { $0.hasPrefix("xl/charts/") }.count == ReorderJob.outlookCount, "a native line chart per fan chart")
        let staffing = XLSXArchive(path: out + "/staffing_plan.xlsx")
        let staffingSheets = try staffing.sheetNames()
        #expect(staffingSheets.prefix(2) == ["Summary", "Plan"] && staffingSheets.contains("FTE by unit"), "\(staffingSheets)")
        #expect(staffingSheets.contains("Shift checks") == files.contains("staffing_shifts.csv"), "\(staffingSheets)")
        #expect(try staffing.sheetNames().last == "About")
    }
}

/// Draws SVG files with a real renderer (rsvg-convert, Debian's librsvg2-bin) and checks each
/// gives a PNG with pixels. `make deps` installs it; without it the check is reported skipped.
enum SVGRendering {
    static var renderer: String? {
        ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func renderEach(_ paths: [String]) throws {
        guard let renderer else {
            print("SVG rendering skipped: rsvg-convert not installed (apt-get install librsvg2-bin)")
            return
        }
        for path in paths {
            let png = path + ".png"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: renderer)
            process.arguments = ["--format", "png", "--output", png, path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "rsvg-convert failed on \(path)")
            let data = (try? Data(contentsOf: URL(fileURLWithPath: png))) ?? Data()
            #expect(data.count > 1_000 && data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path) rendered to an empty or invalid PNG")
            try? FileManager.default.removeItem(atPath: png)
        }
    }
}
