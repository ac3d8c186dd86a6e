import Foundation
import Testing
@testable import Tabular
import TestScratch

/// A fresh folder under the system temp directory; call `remove()` in a `defer`.
final class TempDir {
    let path: String

    init() throws {
        path = TestScratch.path("quartermaster-tabular").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: file(name))), as: UTF8.self)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    /// Every entry in the folder, hidden temporary files included.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Path of a committed fixture file under Tests/TabularTests/Fixtures.
func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                           "fixture \(name) is missing from the test bundle")
    return url.path
}

/// One record as plain values: its physical line and its fields (none for a blank line).
struct Rec: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }
    var description: String { "line \(line): \(fields.map { $0.debugDescription })" }
}

struct ReadResult {
    var header: [String]
    var delimiter: UInt8
    var records: [Rec]
}

func readAll(_ path: String, delimiter: UInt8? = nil, limits: CSVLimits = CSVLimits(), encoding: TextEncoding = .auto) throws -> ReadResult {
    let reader = try CSVReader(path: path, delimiter: delimiter, limits: limits, encoding: encoding)
    var records: [Rec] = []
    try reader.forEachRecord { records.append(Rec($0.line, $0.strings)) }
    return ReadResult(header: reader.header, delimiter: reader.delimiter, records: records)
}

extension DateParser {
    func explain(_ text: String) -> String {
        var text = text
        return text.withUTF8 { explainFailure($0) }
    }
}

extension NumberParser {
    func explain(_ text: String) -> String {
        var text = text
        return text.withUTF8 { explainFailure($0) }
    }
}

func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
    guard let d = CalendarDay(year: year, month: month, day: day) else {
        fatalError("test bug: \(year)-\(month)-\(day) is not a date")
    }
    return d
}
