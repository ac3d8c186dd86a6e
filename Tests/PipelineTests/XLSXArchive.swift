import Foundation

/// An .xlsx file opened the way a test needs it: its parts listed and read with
/// `/usr/bin/unzip`, and a sheet's cells parsed from its XML. Deliberately not a workbook
/// library: the tests read what libxlsxwriter wrote, not what another library makes of it.
struct XLSXArchive {
    enum Cell: Equatable {
        case number(Double, style: Int)
        case text(String)
        case boolean(Bool)
    }

    let path: String

    func entries() throws -> [String] {
        try unzip(["-Z1", path]).split(separator: "\n").map(String.init)
    }

    func part(_ name: String) throws -> String { try unzip(["-p", path, name]) }

    /// Every part's text, for checks that must hold anywhere in the file.
    func allParts() throws -> [String: String] {
        var parts: [String: String] = [:]
        for name in try entries() where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            // unzip reads [ ] in a name as a pattern; the content-types part needs escaping.
            parts[name] = try part(name.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]"))
        }
        return parts
    }

    /// Sheet names in tab order.
    func sheetNames() throws -> [String] {
        let workbook = try part("xl/workbook.xml")
        return workbook.matches(of: /<sheet name="([^"]*)"/).map { XLSXArchive.unescape(String($0.1)) }
    }

    /// The XML of the sheet called `name`, found through the workbook's relationships.
    func sheet(_ name: String) throws -> String {
        let workbook = try part("xl/workbook.xml")
        let rels = try part("xl/_rels/workbook.xml.rels")
        for match in workbook.matches(of: /<sheet name="([^"]*)" sheetId="\d+" r:id="([^"]+)"/) where XLSXArchive.unescape(String(match.1)) == name {
            let id = String(match.2)
            for rel in rels.matches(of: /<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/) where String(rel.1) == id {
                return try part("xl/" + String(rel.2))
            }
        }
        throw XLSXError(message: "\(path) has no sheet named \(name); it has \(try sheetNames())")
    }

    /// A sheet's cells by reference (`B2`); empty cells are absent.
    static func cells(_ xml: String) -> [String: Cell] {
        var cells: [String: Cell] = [:]
        for match in xml.matches(of: /<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/) {
            let attributes = String(match.2)
            guard let body = match.3.map(String.init) else { continue }
            if attributes.contains("t=\"inlineStr\"") || attributes.contains("t=\"str\"") {
                let text = body.firstMatch(of: /<t[^>]*>(.*?)<\/t>/).map { String($0.1) } ?? ""
                cells[String(match.1)] = .text(unescape(text))
            } else if attributes.contains("t=\"b\""), let value = body.firstMatch(of: /<v>(.*?)<\/v>/) {
                cells[String(match.1)] = .boolean(value.1 == "1")
            } else if let value = body.firstMatch(of: /<v>(.*?)<\/v>/), let number = Double(String(value.1)) {
                let style = attributes.firstMatch(of: /s="(\d+)"/).flatMap { Int(String($0.1)) } ?? 0
                cells[String(match.1)] = .number(number, style: style)
            }
        }
        return cells
    }

    /// The number format of each cell style index (`cellXfs` order), "" for General.
    func numberFormats() throws -> [String] {
        let styles = try part("xl/styles.xml")
        var codes: [Int: String] = [14: "m/d/yyyy", 9: "0%", 10: "0.00%", 3: "#,##0", 4: "#,##0.00"]
        for match in styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/) {
            codes[Int(String(match.1))!] = XLSXArchive.unescape(String(match.2))
        }
        guard let xfs = styles.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/) else { return [] }
        return String(xfs.1).matches(of: /<xf numFmtId="(\d+)"/).map { codes[Int(String($0.1))!] ?? "" }
    }

    /// `A`, `B`, ... for a zero-based column index.
    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private func unzip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XLSXError(message: "unzip \(arguments.joined(separator: " ")) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}

struct XLSXError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
