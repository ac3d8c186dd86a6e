import Testing
@testable import Tabular

/// `auto` decides on the whole file (`EncodingCensus`): where an odd byte sits no longer
/// changes how the file reads.
@Suite("Encoding census")
struct EncodingCensusTests {
    /// A usage file of `rows` ASCII rows padded to past the first 256 KiB chunk, with `extra`
    /// bytes appended to the item of row `at` (0-based) and `name` as every other item's tail.
    static func file(rows: Int, at: Int, extra: [UInt8], name: [UInt8] = [], bom: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        bytes += Array("date,item,note,quantity\n".utf8)
        let note = [UInt8](repeating: UInt8(ascii: "n"), count: 100)
        for k in 0..<rows {
            bytes += Array("2025-01-01,Item \(k % 10)".utf8) + (k == at ? extra : name) + [UInt8(ascii: ",")] + note + Array(",1\n".utf8)
        }
        return bytes
    }

    @Test func aWindows1252AccentAfterTheFirstChunkMakesTheFileWindows1252() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // 4,000 rows of 130 bytes: the accent on the last row sits past 500 KB.
        let path = try dir.write("late.csv", bytes: Self.file(rows: 4_000, at: 3_999, extra: [0x20, 0x43, 0x61, 0x66, 0xE9]))
        let reader = try CSVReader(path: path)
        var last: [String] = []
        try reader.forEachRecord { last = $0.strings }
        #expect(reader.encoding == .windows1252)
        #expect(reader.encodingNote == "read as Windows-1252: not valid UTF-8")
        #expect(last[1] == "Item 9 Caf\u{E9}")
    }

    @Test func oneStrayByteInAUTF8FileLeavesItUTF8WhereverItSits() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let utf8Name = Array(" Gr\u{F6}\u{DF}e".utf8)
        // Line 2, line 2,001, the last line; with and without a byte-order mark: one answer.
        for (k, at) in [0, 2_000, 3_999].enumerated() {
            for bom in [false, true] {
                let path = try dir.write("stray\(k)\(bom).csv", bytes: Self.file(rows: 4_000, at: at, extra: [0x20, 0x47, 0x72, 0xF6], name: utf8Name, bom: bom))
                let importer = try TableImport(path: path, columns: [ColumnSpec("item")], options: ImportOptions(onError: .skip))
                #expect(importer.reader.encoding == .utf8, "row \(at), BOM \(bom)")
                let item = try #require(importer.column("item"))
                var names: Set<String> = []
                let summary = try importer.run { row in names.insert(try row.string(item)) }
                #expect(names.contains("Item 1 Gr\u{F6}\u{DF}e") && !names.contains { $0.contains("\u{C3}") }, "row \(at): \(names.sorted())")
                if bom {
                    // A byte-order mark says UTF-8: the stray line is that row's fault, rejected.
                    #expect(summary.rejected == 1 && summary.accepted == 3_999 && summary.encodingNote == nil, "row \(at), BOM \(bom): \(summary)")
                    #expect(summary.examples.first?.contains(":\(at + 2): column 'item'") ?? false, "\(summary.examples)")
                    #expect(summary.examples.first?.contains("byte 0xF6 ('\u{F6}' in Windows-1252)") ?? false, "\(summary.examples)")
                } else {
                    // Without one, the line is read as Windows-1252 (a line edited in another
                    // editor), named in the note: it was rejected, and dropped under 1%.
                    #expect(summary.rejected == 0 && summary.accepted == 4_000, "row \(at): \(summary)")
                    #expect(names.contains("Item \(at % 10) Gr\u{F6}"), "row \(at): \(names.filter { !$0.hasSuffix("\u{DF}e") })")
                    #expect(summary.encodingNote?.contains("1 line with non-ASCII text in Windows-1252 (the first line \(at + 2))") == true, "\(String(describing: summary.encodingNote))")
                }
            }
        }
    }

    @Test func aWindows1252FileWithNoValidUTF8IsWindows1252AndSaysSo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("w.csv", bytes: Array("item,qty\nCaf".utf8) + [0xE9] + Array(",1\nGr".utf8) + [0xF6, 0xDF, 0x65] + Array(",2\n".utf8))
        let result = try readAll(path)
        #expect(result.records.map { $0.fields[0] } == ["Caf\u{E9}", "Gr\u{F6}\u{DF}e"])
    }

    @Test func theCensusCountsCharactersSplitBetweenChunks() {
        var census = EncodingCensus()
        let bytes: [UInt8] = Array("ab".utf8) + [0xC3, 0xB6] + [0xE2, 0x80, 0x93] + [0xF0, 0x9F, 0x92, 0x89] + [0xE9, 0x41]
        // Split at every place: the same counts.
        for cut in 0...bytes.count {
            var c = EncodingCensus()
            var carry: [UInt8] = []
            let first = Array(bytes[..<cut])
            let left = first.withUnsafeBytes { c.count($0, final: false) }
            carry = Array(first.suffix(left))
            let second = carry + Array(bytes[cut...])
            _ = second.withUnsafeBytes { c.count($0, final: true) }
            #expect(c.multiByte == 3 && c.invalid == 1, "cut at \(cut): \(c)")
        }
        _ = bytes.withUnsafeBytes { census.count($0, final: true) }
        #expect(census.multiByte == 3 && census.invalid == 1 && census.isUTF8)
        var cp1252 = EncodingCensus()
        _ = ([0x43, 0x61, 0x66, 0xE9, 0x2C, 0xF6, 0xDF] as [UInt8]).withUnsafeBytes { cp1252.count($0, final: true) }
        #expect(cp1252.multiByte == 0 && cp1252.invalid == 3 && !cp1252.isUTF8)
    }

    /// A Windows-1252 export with as many names garbled once (`CafÃ©`, the bytes of a UTF-8
    /// `é`) as `µ` bytes tied, read as UTF-8 and rejected every `µ` row; it reads as
    /// Windows-1252, whole. One stray byte among many UTF-8 names still leaves UTF-8.
    @Test func aWindows1252FileWithAsManyGarbledPairsAsBadBytesIsWindows1252() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var bytes = Array("item,date,quantity\n".utf8)
        for month in 1...12 {
            bytes += Array("Morphine 10 mg/ml ".utf8) + [0xB5] + Array("g,2025-\(month < 10 ? "0" : "")\(month)-15,11\n".utf8)
            bytes += Array("Caf".utf8) + [0xC3, 0xA9] + Array(" Supply,2025-\(month < 10 ? "0" : "")\(month)-15,6\n".utf8)
            bytes += Array("Gauze,2025-\(month < 10 ? "0" : "")\(month)-15,21\n".utf8)
        }
        let path = try dir.write("mix.csv", bytes: bytes)
        let importer = try TableImport(path: path, columns: [ColumnSpec("item")], options: ImportOptions(onError: .fail))
        #expect(importer.reader.encoding == .windows1252)
        let item = try #require(importer.column("item"))
        var names: Set<String> = []
        let summary = try importer.run { row in names.insert(try row.string(item)) }
        #expect(summary.rejected == 0 && summary.accepted == 36, "\(summary)")
        // Each line is read as what it is (`MixedLines`): the `µ` lines as Windows-1252, and the
        // line whose only non-ASCII bytes are the valid UTF-8 pair as UTF-8, `Café`.
        #expect(names == ["Morphine 10 mg/ml \u{B5}g", "Caf\u{E9} Supply", "Gauze"], "\(names.sorted())")
        var tie = EncodingCensus()
        _ = ([0xB5, 0xC3, 0xA9] as [UInt8]).withUnsafeBytes { tie.count($0, final: true) }
        #expect(tie.multiByte == 1 && tie.invalid == 1 && !tie.isUTF8)
        var twice = EncodingCensus()
        _ = ([0xB5, 0xC3, 0xA9, 0xC3, 0xB6] as [UInt8]).withUnsafeBytes { twice.count($0, final: true) }
        #expect(twice.multiByte == 2 && twice.invalid == 1 && twice.isUTF8)
    }
}
