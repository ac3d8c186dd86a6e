import Reports
import Tabular

/// The page a run opens with (index.md or index.html): where money can be saved, each
/// report's executive summary with a link to it, what every stage did, and every file.
///
/// The page lives inside the output folder and is copied, mailed and archived with it, so
/// it links the files relatively and never names the folder itself: a note that says
/// `/home/ana/runs/q3/usage.rejects.csv` says `usage.rejects.csv` here.
struct RunIndex {
    var manifest: Manifest
    var notes: [String]
    var reports: [ReportSummary]
    var costReductions: [CostReduction]
    var numbers: NumberStyle
    /// The output folder as the run was given it, taken out of the notes.
    var outputFolder: String = ""

    /// A note with the output folder's path taken out where it starts a path (at the start,
    /// or after a space, quote or parenthesis): files inside it by their own name. A folder
    /// called `out` leaves the word "without" alone.
    func relative(_ note: String) -> String {
        guard !outputFolder.isEmpty else { return note }
        let prefix = outputFolder + "/"
        var result = ""
        var rest = Substring(note)
        while let found = rest.firstRange(of: prefix) {
            let before = found.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: found.lowerBound)]
            let startsPath = (found.lowerBound == note.startIndex) || before.map { " '\"(".contains($0) } ?? true
            result += rest[..<found.lowerBound]
            if !startsPath { result += prefix }
            rest = rest[found.upperBound...]
        }
        return result + rest
    }

    func report() -> Report {
        let savings = costReductions.filter { $0.amount > 0 }.sorted { ($0.amount, $1.area) > ($1.amount, $0.area) }
        let seconds = manifest.stages.reduce(0) { $0 + $1.seconds }
        var summary = ["\(NumberFormat.count(manifest.stages.count, "stage")) of \(manifest.pipeline) ran in \(NumberFormat.fixed(seconds, decimals: 1)) s and wrote \(NumberFormat.count(reports.count, "report")) and \(NumberFormat.count(manifest.outputs.count, "file"))."]
        // Not summed: the areas overlap (stock above target and par levels measure the same shelves).
        if let largest = savings.first {
            summary.append("Cost reduction: \(NumberFormat.count(savings.count, "area")) found, largest \(largest.area.lowercased()) at \(numbers.money(largest.amount)) (see below).")
        }
        var doc = Report(title: "Run of \(manifest.pipeline)", summary: summary)
        if !savings.isEmpty {
            doc.heading("Cost reduction")
            doc.paragraph("Where money can be saved, largest first, each with the report that shows the evidence. The areas overlap, so they are not added up.")
            doc.bullets(savings.map { item -> [Report.Segment] in
                [.text("\(item.area): \(numbers.money(item.amount)). \(item.detail) ("), .link(item.report, to: item.report), .text(")")]
            })
        }
        if !reports.isEmpty {
            doc.heading("Reports")
            for report in reports {
                doc.paragraph([.link(report.title, to: report.file)])
                doc.bullets(report.summary)
            }
        }
        if !notes.isEmpty {
            doc.heading("What each stage did")
            doc.bullets(notes.map(relative))
        }
        doc.heading("Files")
        doc.links(manifest.outputs.filter { !PipelineRunner.indexFiles.contains($0) })
        doc.heading("Stages")
        doc.table(["Stage", "Kind", "Rows", "Seconds"],
                  manifest.stages.map { [$0.name, $0.kind, String($0.rows), NumberFormat.fixed($0.seconds, decimals: 3)] },
                  alignments: [.left, .left, .right, .right])
        if !manifest.overrides.isEmpty {
            doc.paragraph("Overrides: " + manifest.overrides.joined(separator: ", "))
        }
        doc.paragraph([.text("Inputs, parameters and checksums are in "), .link("manifest.json", to: "manifest.json"), .text(".")])
        return doc
    }
}
