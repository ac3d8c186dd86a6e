import Testing
@testable import Tabular

@Suite("CSVReader, RFC 4180 and encodings")
struct CSVReaderTests {
    @Test func quotedFieldsFixture() throws {
        let result = try readAll(try fixture("quoted.csv"))
        #expect(result.header == ["id", "name", "qty"])
        #expect(result.delimiter == UInt8(ascii: ","))
        #expect(result.records == [
            Rec(2, ["1", "Gloves, nitrile", "5"]),
            Rec(3, ["2", "2\" tape", "3"]),
            Rec(4, ["3", "line one\nline two", "7"]),
            Rec(6, ["4", "plain", "8"]),       // line 5 holds the second half of record 3
        ])
    }

    @Test func bomAndCRLFFixture() throws {
        let result = try readAll(try fixture("bom_crlf.csv"))
        #expect(result.header == ["date", "item", "qty"])
        #expect(result.header.first?.utf8.count == 4)      // no BOM bytes left on "date"
        #expect(result.records == [
            Rec(2, ["2026-07-01", "A\r\nB", "1"]),
            Rec(4, []),                                     // blank line after the two-line record
            Rec(5, ["2026-07-02", "C", "2"]),
        ])
    }

    @Test func crlfFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("crlf.csv", "a,b\r\n1,2\r\n\r\n3,\"x\r\ny\r\nz\"\r\n4,5\r\n")
        let result = try readAll(path)
        #expect(result.header == ["a", "b"])
        #expect(result.records == [
            Rec(2, ["1", "2"]),
            Rec(3, []),
            Rec(4, ["3", "x\r\ny\r\nz"]),
            Rec(7, ["4", "5"]),
        ])
    }

    @Test func loneCarriageReturnLineEnds() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("cr.csv", "a,b\r1,2\r\r3,4\r")
        #expect(try readAll(path).records == [Rec(2, ["1", "2"]), Rec(3, []), Rec(4, ["3", "4"])])
    }

    @Test func lineNumbersAfterSeveralMultiLineFieldsInOneRecord() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // Record 1 starts on line 2 and holds three embedded line breaks, so it ends on line 5.
        let path = try dir.write("multi.csv", "a,b,c\n\"x\ny\",\"p\nq\nr\",z\nnext,1,2\n\"\n\",\"\",\nlast,3,4")
        #expect(try readAll(path).records == [
            Rec(2, ["x\ny", "p\nq\nr", "z"]),
            Rec(6, ["next", "1", "2"]),
            Rec(7, ["\n", "", ""]),
            Rec(9, ["last", "3", "4"]),      // no newline at the end of the file
        ])
    }

    @Test func blankLinesAreEmptyRecordsWithTheirLine() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("blank.csv", "\n\na,b\n1,2\n\n3,4\n   \n\n5,6\n\n")
        let result = try readAll(path)
        #expect(result.header == ["a", "b"])     // blank lines before the header are skipped
        #expect(result.records == [
            Rec(4, ["1", "2"]),
            Rec(5, []),
            Rec(6, ["3", "4"]),
            Rec(7, []),                           // spaces only
            Rec(8, []),
            Rec(9, ["5", "6"]),
            Rec(10, []),
        ])
    }

    @Test func emptyAndQuotedEmptyFields() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("empty-fields.csv", "a,b,c\n,\"\",x\n\"\"\"\",,\n")
        #expect(try readAll(path).records == [Rec(2, ["", "", "x"]), Rec(3, ["\"", "", ""])])
    }

    @Test func unquotedSpacesAroundFieldsAreTrimmed() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("spaces.csv", "  a , b  \n 1 ,\" 2 \"\n")
        let result = try readAll(path)
        #expect(result.header == ["a", "b"])
        #expect(result.records == [Rec(2, ["1", " 2 "])])
    }

    @Test func headerWithoutTrailingNewline() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("header.csv", "a,b")
        let result = try readAll(path)
        #expect(result.header == ["a", "b"])
        #expect(result.records.isEmpty)
    }
}

@Suite("CSVReader, delimiter detection")
struct CSVReaderDelimiterTests {
    @Test("each candidate is detected", arguments: [",", ";", "\t", "|"])
    func detects(_ delimiter: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let d = delimiter
        let path = try dir.write("d.csv", "a\(d)b\(d)c\n1\(d)2\(d)3\n4\(d)5\(d)6\n")
        let result = try readAll(path)
        #expect(result.delimiter == delimiter.utf8.first)
        #expect(result.header == ["a", "b", "c"])
        #expect(result.records == [Rec(2, ["1", "2", "3"]), Rec(3, ["4", "5", "6"])])
    }

    @Test func fixtures() throws {
        let tab = try readAll(try fixture("tab.tsv"))
        #expect(tab.delimiter == 0x09)
        #expect(tab.records == [Rec(2, ["A", "1", "x"]), Rec(3, ["B", "2", "y"])])
        let pipe = try readAll(try fixture("pipe.txt"))
        #expect(pipe.delimiter == UInt8(ascii: "|"))
        #expect(pipe.header == ["item", "qty", "note"])
    }

    @Test func commasInsideQuotesDoNotVote() throws {
        let result = try readAll(try fixture("semicolon.csv"))
        #expect(result.delimiter == UInt8(ascii: ";"))
        #expect(result.header == ["item", "description", "qty"])
        #expect(result.records == [
            Rec(2, ["A", "Gloves, nitrile", "1,5"]),
            Rec(3, ["B", "Tape, 2in", "2,25"]),
        ])
    }

    @Test func bomIsNotPartOfTheSniffedHeader() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("a;b\n1;2\n".utf8))
        let result = try readAll(path)
        #expect(result.delimiter == UInt8(ascii: ";"))
        #expect(result.header == ["a", "b"])
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("x.csv", "a,b,c\n1,2;3,4\n")
        let detected = try readAll(path)
        #expect(detected.delimiter == UInt8(ascii: ","))
        let forced = try readAll(path, delimiter: UInt8(ascii: ";"))
        #expect(forced.delimiter == UInt8(ascii: ";"))
        #expect(forced.header == ["a,b,c"])
        #expect(forced.records == [Rec(2, ["1,2", "3,4"])])
    }

    /// Excel's first line `sep=;` names the delimiter: read as data it became a header of
    /// `sep=` and an empty name, and the import named no column of the file.
    @Test func excelSeparatorLineNamesTheDelimiterAndTheHeaderIsBelowIt() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let semicolons = try readAll(try dir.write("sep.csv", "sep=;\nDate;Article;Qty\n31-Mar-26;Heparin, 5000 UI;5\n30-Mar-26;Fentanyl;2\n"))
        #expect(semicolons.delimiter == UInt8(ascii: ";"))
        #expect(semicolons.header == ["Date", "Article", "Qty"])
        // Physical lines: the rejects file points at the right one.
        #expect(semicolons.records == [Rec(3, ["31-Mar-26", "Heparin, 5000 UI", "5"]), Rec(4, ["30-Mar-26", "Fentanyl", "2"])])
        // CRLF, a byte-order mark before it, a tab, a delimiter the sniffer would not pick.
        let crlf = try readAll(try dir.write("crlf.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("sep=|\r\na|b\r\n1|2\r\n".utf8)))
        #expect(crlf.delimiter == UInt8(ascii: "|") && crlf.header == ["a", "b"] && crlf.records == [Rec(3, ["1", "2"])])
        let tab = try readAll(try dir.write("tab.csv", "sep=\t\na\tb\n1\t2\n"))
        #expect(tab.delimiter == 0x09 && tab.header == ["a", "b"])
        // A delimiter given on the command line wins; the line is still not the header.
        let given = try readAll(try dir.write("given.csv", "sep=;\na,b\n1,2\n"), delimiter: UInt8(ascii: ","))
        #expect(given.delimiter == UInt8(ascii: ",") && given.header == ["a", "b"] && given.records == [Rec(3, ["1", "2"])])
        let reader = try CSVReader(path: dir.file("sep.csv"))
        #expect(reader.separatorLine == UInt8(ascii: ";"))
    }

    /// Only a first line that is exactly `sep=` and one character is Excel's: a header that
    /// starts so is a header.
    @Test func aHeaderThatOnlyLooksLikeASeparatorLineIsTheHeader() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let longer = try readAll(try dir.write("a.csv", "sep=;;x\n1;2;3\n"))
        #expect(longer.header == ["sep=", "", "x"])
        let named = try readAll(try dir.write("b.csv", "sep=,qty\n1,2\n"))
        #expect(named.header == ["sep=", "qty"])
        let second = try readAll(try dir.write("c.csv", "a,b\nsep=;\n"))
        #expect(second.header == ["a", "b"] && second.records == [Rec(2, ["sep=;"])])
        #expect(try CSVReader(path: dir.file("a.csv")).separatorLine == nil)
    }

    /// The line as a second review found it written: the delimiter repeated to fill the row
    /// (a sheet saved again), spaces after it, in quotes; and a byte-order mark below it.
    @Test func separatorLinesAsToolsWriteThem() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for (name, line) in [("fill.csv", "sep=;;;"), ("space.csv", "sep=; "), ("quoted.csv", "\"sep=;\""), ("quotedfill.csv", "\"sep=;\";;")] {
            let read = try readAll(try dir.write(name, line + "\nDate;Item;Qty\n2026-01-05;A;1\n"))
            #expect(read.delimiter == UInt8(ascii: ";") && read.header == ["Date", "Item", "Qty"] && read.records == [Rec(3, ["2026-01-05", "A", "1"])], "\(name)")
        }
        let bom = try readAll(try dir.write("bom.csv", bytes: Array("sep=;\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("Date;Item\n1;2\n".utf8)))
        #expect(bom.header == ["Date", "Item"], "\(bom.header)")
    }
}

@Suite("CSVReader, streaming across chunks")
struct CSVReaderChunkTests {
    /// Line breaks as the reader counts them: LF, CRLF and a lone CR are one each.
    private func lineBreaks(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var n = 0
        for (i, b) in bytes.enumerated() {
            if b == 0x0A { n += 1 } else if b == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { n += 1 }
        }
        return n
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    @Test func largeFileWithQuotedLineBreaksAcrossChunkBoundaries() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let chunk = CSVReader.chunkSize
        var bytes = Array("id,note,tag\n".utf8)
        var expected: [Rec] = []
        var line = 2
        var id = 0

        func add(first: String? = nil, note: String, tag: String, terminator: String = "\n") {
            let firstField = first ?? String(id)
            bytes += Array("\(firstField),\(quoted(note)),\(tag)\(terminator)".utf8)
            expected.append(Rec(line, [firstField, note, tag]))
            line += lineBreaks(note) + (terminator.isEmpty ? 0 : 1)
            id += 1
        }
        func addFiller() {
            switch id % 5 {
            case 0: add(note: "a \(id)\r\nb, with comma\r\nc", tag: "t\(id % 13)")
            case 1: add(note: "say \"hi\" \(id)", tag: "")
            case 2: add(note: "one \(id)\ntwo", tag: "t")
            default: add(note: "plain \(id)", tag: "x\(id)")
            }
            if id % 50 == 0 {
                bytes += Array("\n".utf8)
                expected.append(Rec(line, []))
                line += 1
            }
        }
        func fill(upTo boundary: Int) {
            while bytes.count < boundary - 300 { addFiller() }
        }
        /// Padding so that the byte at `offset` within `record` lands at file offset `target`.
        func pad(_ target: Int, before offset: Int) throws -> String {
            let n = target - bytes.count - offset
            try #require(n >= 0 && n < 1000)
            return String(repeating: "p", count: n)
        }

        // 1: the CR of a CRLF inside quotes is the last byte of chunk 1, its LF the first of chunk 2.
        fill(upTo: chunk)
        var prefix = "\(id),\""
        var padding = try pad(chunk - 1, before: prefix.utf8.count)
        add(note: padding + "\r\nafter", tag: "k1")
        #expect(bytes[chunk - 1] == 0x0D && bytes[chunk] == 0x0A)

        // 2: a record's own CRLF terminator is split across chunks 2 and 3.
        fill(upTo: 2 * chunk)
        prefix = "\(id),\""
        padding = try pad(2 * chunk - 1, before: prefix.utf8.count + 4)   // the CR follows `",k2`
        add(note: padding, tag: "k2", terminator: "\r\n")
        #expect(bytes[2 * chunk - 1] == 0x0D && bytes[2 * chunk] == 0x0A)

        // 3: a doubled quote is split across chunks 3 and 4, inside a multi-line field.
        fill(upTo: 3 * chunk)
        prefix = "\(id),\""
        padding = try pad(3 * chunk - 1, before: prefix.utf8.count)
        add(note: padding + "\"tail\nend", tag: "k3")
        #expect(bytes[3 * chunk - 1] == UInt8(ascii: "\"") && bytes[3 * chunk] == UInt8(ascii: "\""))

        // 4: the opening quote of a multi-line field is the last byte of chunk 4.
        fill(upTo: 4 * chunk)
        let firstField = try pad(4 * chunk - 1, before: 1)       // `<first>,"`: the quote follows the comma
        add(first: firstField, note: "\nstarts on the next chunk", tag: "k4")
        #expect(bytes[4 * chunk - 1] == UInt8(ascii: "\"") && bytes[4 * chunk] == 0x0A)

        for _ in 0..<100 { addFiller() }
        add(note: "the end\nof the file", tag: "last", terminator: "")

        let path = try dir.write("big.csv", bytes: bytes)
        let result = try readAll(path)
        #expect(result.header == ["id", "note", "tag"])
        #expect(result.records.count == expected.count)
        if let i = result.records.indices.first(where: { $0 >= expected.count || result.records[$0] != expected[$0] }) {
            Issue.record("record \(i) differs: got \(result.records[i]), expected \(i < expected.count ? expected[i].description : "nothing")")
        }
        #expect(bytes.count > 4 * chunk)
    }
}

@Suite("CSVReader, broken files")
struct CSVReaderErrorTests {
    @Test func unterminatedQuoteReportsTheLineWhereItOpened() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("open.csv", "a,b\n1,2\n3,\"open\nmore\n4,5\n")
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.file == path)
        #expect(error.line == 3)
        #expect(error.description.contains("\(path):3"))
        #expect(error.description.contains("unterminated quote"))
    }

    @Test func unterminatedQuoteAfterAMultiLineFieldInTheSameRecord() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        // The record starts on line 2; its first field spans lines 2-3; the bad quote opens on line 3.
        let path = try dir.write("open2.csv", "a,b,c\n\"x\ny\",2,\"open\nrest\n")
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.line == 3)
    }

    @Test func unterminatedQuoteInALargeFileTripsTheFieldLimit() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("runaway.csv", "a,b\n1,2\n3,\"" + String(repeating: "x\n", count: 300))
        let error = try #require(throws: InputError.self) {
            _ = try readAll(path, limits: CSVLimits(maxFieldBytes: 100))
        }
        #expect(error.line == 3)
        #expect(error.description.contains("quote opened on line 3"))
    }

    @Test func emptyFile() throws {
        let path = try fixture("empty.csv")
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.file == path)
        #expect(error.description.contains(path))
        #expect(error.description.contains("empty"))
    }

    @Test func onlyBlankLines() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("blank.csv", "\n\r\n\n")
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.description.contains("no header row"))
    }

    @Test func utf16FileIsReadByItsByteOrderMark() throws {
        let result = try readAll(try fixture("utf16le.csv"))
        #expect(result.header == ["date"])
        #expect(result.records.isEmpty)
    }

    @Test func bigEndianUTF16File() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("be.csv", bytes: [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A, 0x00, 0xE9, 0x00, 0x0A])
        let result = try readAll(path)
        #expect(result.header == ["a"])
        #expect(result.records == [Rec(2, ["é"])])
    }

    @Test func utf16FileWithUTF8ForcedIsRefused() throws {
        let error = try #require(throws: InputError.self) { _ = try readAll(try fixture("utf16le.csv"), encoding: .utf8) }
        #expect(error.line == 1)
        #expect(error.description.contains("UTF-16"))
        #expect(error.description.contains("--encoding utf-16"))
    }

    @Test func nulBytes() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("nul.csv", bytes: Array("a,b\n1,".utf8) + [0] + Array("2\n".utf8))
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.file == path)
        #expect(error.description.contains("NUL"))
    }

    @Test func directory() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let error = try #require(throws: InputError.self) { _ = try readAll(dir.path) }
        #expect(error.file == dir.path)
        #expect(error.description.contains("directory"))
    }

    @Test func missingFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("nope.csv")
        let error = try #require(throws: InputError.self) { _ = try readAll(path) }
        #expect(error.description.hasPrefix(path + ": "))
        #expect(error.description.contains("not found"))
    }

    @Test func tooManyColumns() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let limits = CSVLimits(maxColumns: 3)
        let ok = try dir.write("ok.csv", "a,b,c\n1,2,3\n")
        #expect(try readAll(ok, limits: limits).records == [Rec(2, ["1", "2", "3"])])

        let path = try dir.write("wide.csv", "a,b,c\n1,2,3\n\"x\ny\",2,3\n1,2,3,4\n")
        let error = try #require(throws: InputError.self) { _ = try readAll(path, limits: limits) }
        #expect(error.file == path)
        #expect(error.line == 5)
        #expect(error.description.contains("more than 3 columns"))

        let header = try dir.write("wide-header.csv", "a,b,c,d\n1,2,3,4\n")
        let headerError = try #require(throws: InputError.self) { _ = try readAll(header, limits: limits) }
        #expect(headerError.line == 1)
    }

    @Test func tooLongField() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let limits = CSVLimits(maxFieldBytes: 10)
        let ok = try dir.write("ok.csv", "a,b\n1,0123456789\n")
        #expect(try readAll(ok, limits: limits).records == [Rec(2, ["1", "0123456789"])])

        let path = try dir.write("long.csv", "a,b\n1,2\n1,01234567890\n")
        let error = try #require(throws: InputError.self) { _ = try readAll(path, limits: limits) }
        #expect(error.file == path)
        #expect(error.line == 3)
        #expect(error.description.contains("longer than 10 bytes"))

        // A long quoted field that spans lines is reported where it starts.
        let quoted = try dir.write("long-quoted.csv", "a,b\n1,2\n\"a\nb\",\"01234\n5678901\"\n")
        let quotedError = try #require(throws: InputError.self) { _ = try readAll(quoted, limits: limits) }
        #expect(quotedError.line == 4)
    }
}
