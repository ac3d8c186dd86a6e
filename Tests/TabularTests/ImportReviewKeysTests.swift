import Testing
@testable import Tabular

/// The import review's defects 3, 5, 6 and 7: each read wrong without a word before.
@Suite("Import review: encodings, keys and marks")
struct ImportReviewKeysTests {
    /// Every row's `item`, as the import reads it, and the summary.
    func items(_ bytes: [UInt8], columns: [ColumnSpec] = [ColumnSpec("item")]) throws -> (items: [String], summary: ImportSummary) {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("f.csv", bytes: bytes)
        let importer = try TableImport(path: path, columns: columns, options: ImportOptions(onError: .skip))
        let item = try #require(importer.column("item"))
        var read: [String] = []
        let summary = try importer.run { row in read.append(try row.string(item)) }
        return (read, summary)
    }

    /// Two lines in Windows-1252 (`Parac\xE9tamol`) and one appended in UTF-8 (`Parac\xC3\xA9tamol`,
    /// line 4): 2 Windows-1252 bytes against 1 UTF-8 character made the file Windows-1252 whole,
    /// and line 4 read `ParacÃ©tamol`, a second item. Read line by line, all three are
    /// `Paracétamol`, and the note names the mix with the first line of each encoding (2, 4).
    /// The last line has no line break, so the line held back for the next chunk is read too.
    @Test func aWindows1252FileWithUTF8LinesAppendedReadsEachLineAsWhatItIs() throws {
        let bytes = Array("item,qty\n".utf8) + Array("Parac".utf8) + [0xE9] + Array("tamol,1\n".utf8)
            + Array("Parac".utf8) + [0xE9] + Array("tamol,2\n".utf8) + Array("Paracétamol,3".utf8)
        let (read, summary) = try items(bytes)
        #expect(read == ["Paracétamol", "Paracétamol", "Paracétamol"])
        let note = try #require(summary.encodingNote)
        #expect(note.contains("the file mixes two encodings"), "\(note)")
        #expect(note.contains("2 lines with non-ASCII text in Windows-1252 (the first line 2) and 1 in UTF-8 (the first line 4)"), "\(note)")
    }

    /// A Windows-1252 file with no UTF-8 character reads as before, with the plain note.
    @Test func aPlainWindows1252FileKeepsItsNote() throws {
        let (read, summary) = try items(Array("item,qty\n".utf8) + Array("Cr".utf8) + [0xE8] + Array("me,1\n".utf8))
        #expect(read == ["Crème"])
        #expect(summary.encodingNote == "read as Windows-1252: not valid UTF-8")
    }

    /// `Parace\u{301}tamol` (NFD, 13 bytes, as macOS tools write it) is read as the NFC
    /// `Paracétamol` (12 bytes): keys are interned by their bytes, and the NFD usage matched no
    /// item of an NFC inventory (reorder ordered 0 where 200 / 60 / 140 was right).
    @Test func decomposedTextIsReadComposed() throws {
        let (read, _) = try items(Array("item,qty\nParace\u{301}tamol,1\nParacétamol,2\nplain,3\n".utf8))
        #expect(read.map { Array($0.utf8) } == [Array("Parac\u{E9}tamol".utf8), Array("Parac\u{E9}tamol".utf8), Array("plain".utf8)])
        #expect(Array(read[0].utf8).count == 12)
    }

    /// Two decomposed fields of one row stay valid together (a buffer a column).
    @Test func twoDecomposedFieldsOfARowAreBothComposed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("f.csv", "item,location\nCafe\u{301},He\u{301}pital\n")
        let importer = try TableImport(path: path, columns: [ColumnSpec("item"), ColumnSpec("location")])
        let (i, l) = (try #require(importer.column("item")), try #require(importer.column("location")))
        var pair: [[UInt8]] = []
        _ = try importer.run { row in
            let a = try row.text(i), b = try row.text(l)
            pair = [Array(a), Array(b)]
        }
        #expect(pair == [Array("Caf\u{E9}".utf8), Array("H\u{E9}pital".utf8)])
    }

    /// `1.08854E+13` is three GTINs (`10885403256017/24/31`) after Excel's General format: one
    /// series of 330 where 108 / 105 / 117 was right. In a key column it is rejected, naming
    /// the re-export; `2E10` (no plus sign) stays a code, and a description is not checked.
    @Test func aKeyInScientificNotationIsRejected() throws {
        let (read, summary) = try items(Array("item,description\n1.08854E+13,Suture 3-0\n1E+13,Gauze\n2E10,Tape\nA100,1.5E+12\n".utf8),
                                        columns: [ColumnSpec("item"), ColumnSpec("description", required: false)])
        #expect(read == ["2E10", "A100"])
        #expect(summary.rejected == 2)
        let first = try #require(summary.examples.first)
        #expect(first.contains("f.csv:2") && first.contains("column 'item'") && first.contains("scientific notation")
                && first.contains("re-export the file with the column formatted as Text"), "\(first)")
    }

    @Test(arguments: ["1.08854E+13", "1E+13", "9.9E+11", "1.2e+105"]) func scientificCodesAreSeen(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ScientificCode.written($0) })
    }

    @Test(arguments: ["2E10", "12E+13", "1.E+13", "E+13", "A1.2E+13", "1.2E+1", "108854032560"]) func otherCodesAreNot(_ text: String) {
        #expect(!Array(text.utf8).withUnsafeBufferPointer { ScientificCode.written($0) })
    }

    /// A comma-separated export dated `01.10.2025` writes 1,200 as `1.200`: read as 1.2 beside
    /// 950, December came out 1,874 where 26,150 was right. Now refused as a tab file's is;
    /// the same file dated ISO still reads `1.200` as 1.2, as before.
    @Test func onePointTwoHundredInACommaFileDatedWithPointsIsInDoubt() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        func quantities(_ text: String) throws -> (values: [Double], summary: ImportSummary) {
            let path = try dir.write("w.csv", text)
            let importer = try TableImport(path: path, columns: [ColumnSpec("date"), ColumnSpec("quantity")], options: ImportOptions(onError: .skip))
            let (d, q) = (try #require(importer.column("date")), try #require(importer.column("quantity")))
            var values: [Double] = []
            let summary = try importer.run { row in _ = try row.date(d); values.append(try row.number(q)) }
            return (values, summary)
        }
        let dotted = try quantities("date,quantity\n01.10.2025,950\n02.10.2025,1.200\n")
        #expect(dotted.values == [950])
        let reason = try #require(dotted.summary.examples.first)
        #expect(reason.contains("'1.200' could be a decimal or thousands (the file's dates are written with points, day first"), "\(reason)")
        #expect(try quantities("date,quantity\n2025-10-01,950\n2025-10-02,1.200\n").values == [950, 1.2])
    }
}
