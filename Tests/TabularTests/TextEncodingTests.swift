import Testing
@testable import Tabular

@Suite("Text encodings")
struct TextEncodingTests {
    /// windows1252.csv: 0x96 (en dash), 0xA3 (pound), 0xF4 (o circumflex), 0xE8, 0x80 (euro).
    @Test func autoReadsAFileThatIsNotUTF8AsWindows1252() throws {
        let path = try fixture("windows1252.csv")
        let reader = try CSVReader(path: path)
        var records: [[String]] = []
        try reader.forEachRecord { records.append($0.strings) }
        #expect(reader.encoding == .windows1252)
        #expect(reader.encodingNote == "read as Windows-1252: not valid UTF-8")
        #expect(reader.header == ["date", "item", "description", "quantity"])
        #expect(records == [["02-Jun-06", "G44", "Gauze 4\u{2013}4 \u{A3}2 pack", "3"],
                            ["03-Jun-06", "CR1", "Cr\u{F4}me barri\u{E8}re \u{20AC}", "5"]])
    }

    @Test func windows1252ForcedGivesTheSameTextWithoutANote() throws {
        let reader = try CSVReader(path: try fixture("windows1252.csv"), encoding: .windows1252)
        var descriptions: [String] = []
        try reader.forEachRecord { descriptions.append($0.strings[2]) }
        #expect(descriptions == ["Gauze 4\u{2013}4 \u{A3}2 pack", "Cr\u{F4}me barri\u{E8}re \u{20AC}"])
        #expect(reader.encodingNote == nil)
    }

    /// Files labelled Latin-1 are Windows-1252 (as the WHATWG Encoding Standard reads the
    /// label): 0x96 and 0x80 were C1 controls, the dash and the euro gone from the names.
    @Test func latin1ReadsAsWindows1252() throws {
        let result = try readAll(try fixture("windows1252.csv"), encoding: .latin1)
        #expect(result.records.map { $0.fields[2] } == ["Gauze 4\u{2013}4 \u{A3}2 pack", "Cr\u{F4}me barri\u{E8}re \u{20AC}"])
        // Every byte 0x80-0x9F as Windows-1252 has it; its five undefined bytes stay C1 controls.
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("l.csv", bytes: Array("item,name\nA,".utf8) + Array(0x80...0x9F) + [0x0A])
        let name = try #require(try readAll(path, encoding: .latin1).records.first?.fields[1])
        #expect(name == "\u{20AC}\u{81}\u{201A}\u{192}\u{201E}\u{2026}\u{2020}\u{2021}\u{2C6}\u{2030}\u{160}\u{2039}\u{152}\u{8D}\u{17D}\u{8F}"
                + "\u{90}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{2DC}\u{2122}\u{161}\u{203A}\u{153}\u{9D}\u{17E}\u{178}")
    }

    @Test func utf8ForcedOnAWindows1252FileRejectsTheRowsAsBefore() throws {
        let importer = try TableImport(path: try fixture("windows1252.csv"), columns: [ColumnSpec("description")],
                                       options: ImportOptions(onError: .skip, encoding: .utf8))
        let description = try #require(importer.column("description"))
        var accepted = 0
        // Every row rejected: an error even when skipping, naming the first reason.
        let error = try #require(throws: InputError.self) { try importer.run { row in _ = try row.text(description); accepted += 1 } }
        #expect(accepted == 0)
        #expect(error.description.contains("all 2 rows were rejected"), "\(error)")
        #expect(error.description.contains("not valid UTF-8") && error.description.contains("--encoding windows-1252"), "\(error)")
    }

    @Test func theSummaryLineSaysHowTheFileWasRead() throws {
        let importer = try TableImport(path: try fixture("windows1252.csv"), columns: [ColumnSpec("date"), ColumnSpec("description")])
        let date = try #require(importer.column("date"))
        let summary = try importer.run { row in _ = try row.date(date) }
        #expect(summary.accepted == 2)
        #expect(summary.description.hasSuffix("2 rows read, 2 accepted, 0 rejected; read as Windows-1252: not valid UTF-8"))
    }

    @Test func validUTF8WithAndWithoutAByteOrderMarkIsReadInPlace() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for bom in [[], [UInt8(0xEF), 0xBB, 0xBF]] {
            let path = try dir.write("u.csv", bytes: bom + Array("item,name\nA,Cr\u{F4}me \u{2013} \u{1F489}\n".utf8))
            let reader = try CSVReader(path: path)
            var names: [String] = []
            try reader.forEachRecord { names.append($0.strings[1]) }
            #expect(reader.header == ["item", "name"])
            #expect(names == ["Cr\u{F4}me \u{2013} \u{1F489}"])
            #expect(reader.encoding == .utf8)
            #expect(reader.encodingNote == nil)
        }
    }

    @Test func utf16WithAByteOrderMarkInBothByteOrders() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = "item;name\r\nA;Cr\u{F4}me \u{2013} \u{1F489}\r\n"
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in text.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let path = try dir.write("u16.csv", bytes: bytes)
            let result = try readAll(path)
            #expect(result.header == ["item", "name"])
            #expect(result.delimiter == UInt8(ascii: ";"))
            #expect(result.records == [Rec(2, ["A", "Cr\u{F4}me \u{2013} \u{1F489}"])])
            // Forced utf-16 reads the same file.
            #expect(try readAll(path, encoding: .utf16).records == result.records)
        }
    }

    /// Without a byte-order mark the zero bytes of the ASCII characters tell the byte order:
    /// big-endian read as little-endian was garbage (`搀愀琀攀` for `date`) under `--encoding
    /// utf-16`, and `auto` stopped at the NUL bytes of either order.
    @Test func utf16WithoutAByteOrderMarkByItsZeroBytes() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = "item;name\r\nA;Cr\u{F4}me \u{2013} \u{1F489}\r\n"
        for bigEndian in [false, true] {
            let bytes = text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let path = try dir.write("u16.csv", bytes: bytes)
            for encoding in [TextEncoding.utf16, .auto] {
                let reader = try CSVReader(path: path, encoding: encoding)
                var records: [[String]] = []
                try reader.forEachRecord { records.append($0.strings) }
                #expect(reader.header == ["item", "name"], "\(encoding) \(bigEndian)")
                #expect(records == [["A", "Cr\u{F4}me \u{2013} \u{1F489}"]])
                #expect(reader.encoding == .utf16)
                let note = "read as UTF-16\(bigEndian ? "BE" : "LE"): no byte-order mark, its zero bytes at \(bigEndian ? "even" : "odd") offsets"
                // `--encoding utf-16` assumed little-endian before: only big-endian is news.
                #expect(reader.encodingNote == (encoding == .auto || bigEndian ? note : nil))
            }
        }
        // No clear pattern: UTF-16 stays little-endian, and auto does not take NULs for UTF-16.
        #expect([UInt8](repeating: 0, count: 64).withUnsafeBytes { UTF16ByteOrder(zeroBytesOf: $0) } == nil)
        #expect(Array("a\u{0}b,c\n".utf8).withUnsafeBytes { UTF16ByteOrder(zeroBytesOf: $0) } == nil)
        #expect([UInt8]([0x00, 0x61, 0x00, 0x62]).withUnsafeBytes { UTF16ByteOrder(zeroBytesOf: $0) } == .bigEndian)
    }

    /// Text mostly in Cyrillic has zero bytes only in its ASCII (header, delimiters, digits):
    /// 676 of 1,468 code units in a Cyrillic item export, all on one side, were short of the
    /// half asked for, and no option read the file big-endian. Now one unit in 16 (and 16
    /// zero bytes) on one side, none on the other, tells the order; `utf-16be` and `utf-16le`
    /// name it when even that is missing.
    @Test func utf16MostlyCyrillicWithoutAByteOrderMark() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let name = "\u{0411}\u{0438}\u{043D}\u{0442} \u{043C}\u{0430}\u{0440}\u{043B}\u{0435}\u{0432}\u{044B}\u{0439} \u{0441}\u{0442}\u{0435}\u{0440}\u{0438}\u{043B}\u{044C}\u{043D}\u{044B}\u{0439}"
        let text = "date,item,quantity\n" + (1...40).map { "2025-01-05,\(name) \($0),1\n" }.joined()
        func bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
            text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        for bigEndian in [false, true] {
            let encoded = bytes(text, bigEndian: bigEndian)
            #expect(encoded.withUnsafeBytes { UTF16ByteOrder(zeroBytesOf: $0) } == (bigEndian ? .bigEndian : .littleEndian))
            let path = try dir.write("cyr.csv", bytes: encoded)
            for encoding in [TextEncoding.auto, .utf16, bigEndian ? .utf16be : .utf16le] {
                let reader = try CSVReader(path: path, encoding: encoding)
                var records: [[String]] = []
                try reader.forEachRecord { records.append($0.strings) }
                #expect(reader.header == ["date", "item", "quantity"], "\(encoding) \(bigEndian)")
                #expect(records.first == ["2025-01-05", name + " 1", "1"], "\(encoding) \(bigEndian)")
            }
        }
        // Cyrillic with only delimiters in ASCII: nothing tells, utf-16 stays little-endian,
        // and utf-16be reads it.
        let bare = "\u{0411}\u{0438};\u{0412}\u{0430}\u{0442}\u{0430}\r\n\u{0413};\u{0414}\r\n"
        let path = try dir.write("bare.csv", bytes: bytes(bare, bigEndian: true))
        #expect(bytes(bare, bigEndian: true).withUnsafeBytes { UTF16ByteOrder(zeroBytesOf: $0) } == nil)
        let little = try CSVReader(path: path, encoding: .utf16)
        #expect(little.header != ["\u{0411}\u{0438}", "\u{0412}\u{0430}\u{0442}\u{0430}"])
        let big = try CSVReader(path: path, encoding: try TextEncoding(parsing: "UTF-16BE"))
        #expect(big.header == ["\u{0411}\u{0438}", "\u{0412}\u{0430}\u{0442}\u{0430}"])
        #expect(try TextEncoding(parsing: "utf16le") == .utf16le)
    }

    @Test func utf16SplitAnywhereBetweenChunksIsCarriedOver() {
        let text = "a\u{F4}\u{1F489}b"
        let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for cut in 0...bytes.count {
            var transcoder = Transcoder(.utf16(bigEndian: false))
            var out: [UInt8] = []
            for part in [Array(bytes[..<cut]), Array(bytes[cut...])] {
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Transcoder.capacity(for: part.count), alignment: 1)
                defer { buffer.deallocate() }
                let n = part.withUnsafeBytes { transcoder.transcode($0, into: buffer) }
                out += buffer[0..<n]
            }
            #expect(String(decoding: out, as: UTF8.self) == text, "cut at \(cut)")
        }
    }

    @Test func encodingNames() throws {
        #expect(try TextEncoding(parsing: "auto") == .auto)
        #expect(try TextEncoding(parsing: "UTF-8") == .utf8)
        #expect(try TextEncoding(parsing: "utf8") == .utf8)
        #expect(try TextEncoding(parsing: "Windows-1252") == .windows1252)
        #expect(try TextEncoding(parsing: "cp1252") == .windows1252)
        #expect(try TextEncoding(parsing: "latin-1") == .latin1)
        #expect(try TextEncoding(parsing: "ISO-8859-1") == .latin1)
        #expect(try TextEncoding(parsing: "utf-16") == .utf16)
        let error = try #require(throws: UsageError.self) { try TextEncoding(parsing: "ebcdic") }
        #expect(error.message == "unknown encoding 'ebcdic'; use one of auto, utf-8, windows-1252, latin-1, utf-16, utf-16le, utf-16be")
        #expect(try TextEncoding(parsing: "UTF-16BE") == .utf16be)
    }

    @Test func utf8Validation() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { TextEncoding.isValidUTF8($0) } }
        #expect(valid(Array("plain, Cr\u{F4}me \u{2013} \u{1F489}".utf8)))
        #expect(valid([0x61, 0xE2, 0x80]))          // an en dash cut off by the end of the chunk
        #expect(!valid([0x61, 0x96, 0x62]))          // a Windows-1252 en dash
        #expect(!valid([0xC0, 0xAF]))                // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))          // surrogate
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))    // above U+10FFFF
        #expect(!valid([0xE2, 0x28, 0xA1]))
    }
}
