import Foundation
@testable import Pipeline
import Tabular
import TestScratch

/// A scratch folder with a small usage export, for pipelines to read.
struct Workspace {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = TestScratch.path("qm-pipe")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var csv = "Trans Date,Item #,Qty Issued\n"
        for month in 1...30 {
            let year = 2024 + (month - 1) / 12, m = (month - 1) % 12 + 1
            csv += "\(m)/5/\(year),GLOVES,\(100 + month * 3 + (m == 1 ? 40 : 0))\n"
            csv += "\(m)/9/\(year),SYRINGE,\(20 + (month % 4))\n"
            if month % 5 == 0 { csv += "\(m)/15/\(year),IMPLANT,1\n" }
        }
        try write("usage.csv", csv)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: url.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    /// Tables as the imports make them, by file name to table kind (rejects skipped).
    func tables(_ names: [String: String]) throws -> [String: Table] {
        var result: [String: Table] = [:]
        for (file, kind) in names {
            let stage = try ImportStage(file: path + "/" + file, table: kind, options: ImportOptions(onError: .skip))
            result[kind] = try stage.readLong(path + "/" + file, stage.options).0
        }
        return result
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }

    static let goodPipeline = """
    calendar:
      frequency: month
    output: out
    stages:
      usage:
        kind: import
        table: usage
        file: usage.csv
        columns: {date: "Trans Date", item: "Item #", quantity: "Qty Issued"}
      monthly:
        kind: aggregate
        input: usage
      demand:
        kind: forecast
        input: monthly
        horizon: 6
      save:
        kind: export
        input: demand.forecasts
        file: forecasts.csv
      save_series:
        kind: export
        input: monthly
        file: series.csv
    """
}
