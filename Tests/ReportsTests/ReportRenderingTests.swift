import Foundation
import Testing
@testable import Reports
import TestScratch

/// The Markdown and HTML a report renders to are a contract with people's viewers: golden
/// files pin them byte for byte. Regenerate after an intended change with
/// `QM_UPDATE_GOLDEN=1 swift test --filter ReportRenderingTests` and review the diff (see
/// `GoldenFile`: only 1, true or yes update).
@Suite struct ReportRenderingTests {
    /// A small report that exercises every block and the escaping rules.
    static func sample(_ numbers: NumberStyle) -> Report {
        var doc = Report(title: "Reorder list\nas of 2026-06-30", summary: [
            "3 order lines, total \(numbers.money(12_345.678)).",
            "Vendor <Acme & Sons> changed prices by \(numbers.percent(-3.25, decimals: 1)).",
        ])
        doc.heading("Acme | Medical: \(numbers.money(-4_321))")
        doc.paragraph([.text("Why these numbers: see "), .link("reorder.csv", to: "reorder.csv"), .text(".")])
        doc.table(["Item", "Description", "Order", "Cost", "Change"],
                  [["G-1", "Gloves | nitrile\r\nsize M", numbers.quantity(1_200, decimals: 0), numbers.money(96), numbers.percent(12)],
                   ["S-2", "Saline <10 mL>", numbers.quantity(-24.5), numbers.money(-0.5), numbers.percent(-0.04)],
                   ["T-3", "Short row"]],
                  alignments: [.left, .left, .right, .right, .right])
        doc.bullets(["Line one", "Line\ntwo [x](y)"])
        doc.figure(Report.Figure(name: "chart", description: "Use [weekly]", svg: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>t</title></svg>\n"))
        return doc
    }

    func matchesGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile(name).check(text, sourceLocation: sourceLocation)
    }

    @Test func markdownMatchesGolden() throws {
        try matchesGolden(Self.sample(NumberStyle()).markdown(figurePrefix: "reorder"), "report.md")
    }

    @Test func markdownWithParenthesesMatchesGolden() throws {
        try matchesGolden(Self.sample(NumberStyle(negatives: .parentheses)).markdown(figurePrefix: "reorder"), "report-parentheses.md")
    }

    @Test func htmlMatchesGolden() throws {
        try matchesGolden(Self.sample(NumberStyle()).html(), "report.html")
    }

    @Test func markdownEscapesWhatWouldBreakIt() {
        let md = Self.sample(NumberStyle()).markdown(figurePrefix: "reorder")
        #expect(md.hasPrefix("# Reorder list as of 2026-06-30\n\n## Executive summary\n\n- 3 order lines"))
        #expect(md.contains("| G-1 | Gloves \\| nitrile size M | 1,200 | $96 | 12% |"))
        #expect(md.contains("| S-2 | Saline &lt;10 mL> | -24.5 | -$0.50 | -0% |") == false)   // -0.04% rounds to 0: no sign
        #expect(md.contains("| S-2 | Saline &lt;10 mL> | -24.5 | -$0.50 | 0% |"))
        #expect(md.contains("| T-3 | Short row |  |  |  |"))
        #expect(md.contains("|---|---|---:|---:|---:|"))
        #expect(md.contains("![Use \\[weekly\\]](reorder_chart.svg)"))
        // A report file named with a space: the image's target encodes it, or the chart
        // showed as text (`file: Weekly Reorder (Central)`).
        #expect(Self.sample(NumberStyle()).markdown(figurePrefix: "Weekly Reorder").contains("](Weekly%20Reorder_chart.svg)"))
        #expect(md.contains("Vendor &lt;Acme & Sons>"))
        // Every table row has as many cells as the header.
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let pipes = rows.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        #expect(Set(pipes).count == 1)
    }

    /// Item names from real exports carry Markdown's emphasis and code characters: `*STERILE*`
    /// rendered in italics, `_NEW_` too, and a backtick opened code to the end of the cell.
    /// Underscores inside a word open nothing and stay as they read.
    @Test func markdownEscapesEmphasisAndCodeInData() {
        var doc = Report(title: "T", summary: ["S"])
        doc.table(["Item", "Description"], [["GLOVE_NITRILE_M", "*STERILE* _NEW_ 2`x ~~old~~ a\\b"]])
        let md = doc.markdown(figurePrefix: "t")
        #expect(md.contains("| GLOVE_NITRILE_M | \\*STERILE\\* \\_NEW\\_ 2\\`x \\~\\~old\\~\\~ a\\\\b |"))
        // Beside a non-breaking space, a dash or a curly quote an underscore opens emphasis too.
        var wide = Report(title: "T", summary: ["S"])
        wide.table(["Item"], [["\u{A0}_X_ —_EM_— “_Q_” é_é"]])
        #expect(wide.markdown(figurePrefix: "t").contains("| \u{A0}\\_X\\_ —\\_EM\\_— “\\_Q\\_” é\\_é |"))
        // An entity in data reads as written (`&amp;` rendered `&`, `&#174;` the ® sign); a
        // lone ampersand needs nothing.
        var entities = Report(title: "T", summary: ["S"])
        entities.table(["Item"], [["R&amp;D &#174; &x AT&T &"]])
        #expect(entities.markdown(figurePrefix: "t").contains("| R\\&amp;D \\&#174; &x AT&T & |"))
    }

    @Test func htmlIsStandaloneAndEscaped() {
        let html = Self.sample(NumberStyle()).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Vendor &lt;Acme &amp; Sons&gt;"))
        #expect(html.contains("<td class=\"n\">1,200</td>"))
        #expect(html.contains("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<?xml"))
        // No external assets: the only URL is the SVG namespace.
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(html.contains("<a href=\"reorder.csv\">reorder.csv</a>"))
    }

    @Test func inlineChartsGetIdsOfTheirOwn() {
        var doc = Report(title: "Two charts", summary: ["Two."])
        let svg = FanChart(title: "A", caption: "B", periods: ["1", "2"], history: [1], forecast: [2]).svg()
        doc.figure(Report.Figure(name: "a", description: "A", svg: svg))
        doc.figure(Report.Figure(name: "b", description: "B", svg: svg))
        let html = doc.html()
        #expect(html.contains("aria-labelledby=\"chart-title-1 chart-desc-1\""))
        #expect(html.contains("<title id=\"chart-title-2\">"))
        #expect(html.contains("<desc id=\"chart-desc-2\">"))
        #expect(!html.contains("\"chart-title\""))
    }

    @Test func numbersForPeople() {
        let minus = NumberStyle(), parens = NumberStyle(negatives: .parentheses)
        #expect(minus.money(1_234_567.891) == "$1,234,568")
        #expect(minus.money(-1_234.5) == "-$1,235")
        #expect(parens.money(-1_234.5) == "($1,235)")
        #expect(minus.money(12.5) == "$12.50")
        #expect(minus.money(99) == "$99")
        #expect(minus.money(-0.001) == "$0.00")
        #expect(minus.money(.nan) == "")
        #expect(minus.quantity(1_234_567.25, decimals: 1) == "1,234,567.3")
        #expect(minus.quantity(999, decimals: 0) == "999")
        #expect(minus.quantity(1000, decimals: 0) == "1,000")
        #expect(parens.quantity(-12_000, decimals: 0) == "(12,000)")
        #expect(minus.percent(21) == "21%")
        #expect(minus.percent(-3.25) == "-3.3%")
        #expect(parens.percent(-3.25) == "(3.3%)")
        #expect(minus.percent(1_234.5) == "1,234.5%")
    }

    @Test func writerPutsChartsBesideMarkdownAndInlineInHTML() throws {
        let dir = TestScratch.path("qm-report").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = Self.sample(NumberStyle())
        #expect(try ReportWriter.write(report, name: "reorder", in: dir, format: .markdown) == ["reorder.md", "reorder_chart.svg"])
        #expect(try ReportWriter.write(report, name: "reorder", in: dir, format: .html) == ["reorder.html"])
        #expect(try String(contentsOfFile: dir + "/reorder_chart.svg", encoding: .utf8).hasPrefix("<?xml"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == ["reorder.md", "reorder_chart.svg", "reorder.html"])
    }
}
