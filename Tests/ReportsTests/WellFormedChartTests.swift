import Testing
@testable import Reports

/// Every chart, including ones built from hostile labels and degenerate data, is a
/// well-formed standalone SVG whose drawing stays on the canvas.
@Suite("Charts are well-formed SVG")
struct WellFormedChartTests {
    @Test(arguments: ChartSamples.all.map(\.0))
    func parsesAsXML(name: String) throws {
        let svg = try #require(ChartSamples.all.first { $0.0 == name }?.1)
        let outline = SVGOutline(svg)
        #expect(outline.parseError == nil, "\(name): \(outline.parseError ?? "")")
        let root = try #require(outline.root)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"] == "0 0 720 \(root.attributes["height"] ?? "")")
        #expect(outline.width == 720)
        #expect(outline.height > 100 && outline.height < 100_000)
        let labelled = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        let ids = outline.elements.compactMap { $0.attributes["id"] }
        #expect(!labelled.isEmpty && labelled.allSatisfy(ids.contains))
        #expect(outline.all("title").count == 1 && outline.all("desc").count == 1)
        #expect(!outline.all("text").isEmpty, "a visible title or note")
    }

    @Test(arguments: ChartSamples.all.map(\.0))
    func staysOnTheCanvasWithoutOverlappingText(name: String) throws {
        let svg = try #require(ChartSamples.all.first { $0.0 == name }?.1)
        let outline = SVGOutline(svg)
        let width: (String, Double) -> Double = { SVGText.width($0, size: $1) }
        #expect(outline.geometryProblems(textWidth: width) == [], "\(name)")
        #expect(outline.overlappingText(textWidth: width) == [], "\(name)")
    }

    @Test func hostileLabelsArriveAsText() throws {
        for (name, svg) in ChartSamples.hostile {
            #expect(!svg.contains("<script"), "\(name)")
            let outline = SVGOutline(svg)
            #expect(outline.parseError == nil, "\(name)")
            let title = try #require(outline.all("title").first?.text)
            #expect(title.contains("<script>alert('x')</script>"), "the parser reads back the original text")
            #expect(title.contains("🏥 Emergency 👩‍⚕️🚑 日本語 Zürich"))
            #expect(outline.all("text").contains { $0.text.hasSuffix("…") }, "long labels are cut")
        }
    }

    @Test func emptyDataSaysSo() {
        for (name, svg) in ChartSamples.degenerate where name.hasSuffix("empty") || name.hasSuffix("all-nan") || name.hasSuffix("no-series") {
            #expect(SVGOutline(svg).all("text").contains { $0.text == "No data to chart" }, "\(name)")
        }
    }

    @Test func missingValuesAreMarked() {
        let svg = ChartSamples.degenerate.first { $0.0 == "variance-nan" }!.1
        #expect(SVGOutline(svg).all("text").filter { $0.text == "no data" }.count == 2)
    }

    @Test func sameInputGivesSameBytes() {
        #expect(ChartSamples.goldenFan.svg() == ChartSamples.goldenFan.svg())
        #expect(ChartSamples.staffing.svg() == ChartSamples.staffing.svg())
        #expect(ChartSamples.hostile.map(\.1) == ChartSamples.hostile.map(\.1))
    }

    @Test func heightGrowsWithBars() {
        func height(_ count: Int) -> Double {
            let bars = (0..<count).map { (index: Int) -> VarianceBarChart.Bar in
                let value = Double(index) * 1_000 - 5_000
                return VarianceBarChart.Bar(label: "Dept \(index)", value: value, favorable: index % 2 == 0)
            }
            return SVGOutline(VarianceBarChart(title: "t", caption: "c", bars: bars).svg()).height
        }
        #expect(height(20) > height(10))
        #expect(height(10) > height(2))
    }

    @Test func legendAppearsOnlyForSeveralSeries() {
        let single = GroupedBarChart(title: "t", caption: "", categories: ["A"], series: [.init(name: "Only", values: [1])]).svg()
        #expect(!SVGOutline(single).all("text").contains { $0.text == "Only" })
        let fan = SVGOutline(ChartSamples.goldenFan.svg()).all("text").map(\.text)
        #expect(["History", "Forecast", "95% interval", "80% interval"].allSatisfy(fan.contains))
        let variance = SVGOutline(ChartSamples.goldenVariance.svg()).all("text").map(\.text)
        #expect(["Favorable", "Unfavorable", "+$1.2M", "-$42.3k", "$0"].allSatisfy(variance.contains))
    }
}
