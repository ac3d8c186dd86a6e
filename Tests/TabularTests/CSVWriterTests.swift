import Testing
@testable import Tabular

/// Writes one data row of text cells under a one-column-per-cell header and returns the file text.
private func written(_ cells: [String], in dir: TempDir) throws -> String {
    let writer = try CSVWriter(path: dir.file("out.csv"), header: cells.indices.map { "c\($0)" })
    for cell in cells { try writer.text(cell) }
    try writer.endRow()
    try writer.commit()
    return try dir.read("out.csv")
}

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test func headerAndRows() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let writer = try CSVWriter(path: dir.file("out.csv"), header: ["series", "period", "value"])
        try writer.text("GLV-100")
        try writer.text("2026-07")
        try writer.number(0.1 + 0.2)
        try writer.endRow()
        try writer.text("GLV-200")
        try writer.empty()
        try writer.integer(-7)
        try writer.endRow()
        #expect(writer.rowsWritten == 2)
        try writer.commit()
        #expect(try dir.read("out.csv") == "series,period,value\nGLV-100,2026-07,0.3\nGLV-200,,-7\n")
    }

    @Test func numbersAreFixedAndNaNIsEmpty() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let writer = try CSVWriter(path: dir.file("out.csv"), header: ["a", "b", "c", "d"])
        try writer.number(1e-5)
        try writer.number(.nan)
        try writer.number(1234567.125, decimals: 2)
        try writer.number(-.infinity)
        try writer.endRow()
        try writer.commit()
        #expect(try dir.read("out.csv") == "a,b,c,d\n0.00001,,1234567.13,\n")
    }

    @Test func rfc4180Quoting() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = try written(["Gloves, nitrile", "2\" tape", "line one\nline two", "cr\rhere", "plain", ""], in: dir)
        #expect(text == "c0,c1,c2,c3,c4,c5\n\"Gloves, nitrile\",\"2\"\" tape\",\"line one\nline two\",\"cr\rhere\",plain,\n")
    }

    @Test func formulaInjectionIsNeutralised() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let text = try written(["=SUM(A1)", "+1+2", "-2+3", "@x", "\tx", "\rx", "=A1,\"b\""], in: dir)
        let row = text.split(separator: "\n", maxSplits: 1)[1]
        #expect(row == "\"'=SUM(A1)\",\"'+1+2\",\"'-2+3\",\"'@x\",\"'\tx\",\"'\rx\",\"'=A1,\"\"b\"\"\"\n")
    }

    @Test func plainNumbersAndInnerTriggersAreLeftAlone() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let cells = ["-12.5", "+3", "-1.5e-3", "+.5", "12", "a=b", "x@y.org", "1+2"]
        let text = try written(cells, in: dir)
        let expectedRow: String = cells.joined(separator: ",")
        let row = String(text.split(separator: "\n")[1])
        #expect(row == expectedRow)
    }

    @Test func neutralisingRule() {
        func check(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { CSVWriter.needsNeutralising($0) }
        }
        #expect(check("=1"))
        #expect(check("@SUM(1)"))
        #expect(check("-"))
        #expect(check("+"))
        #expect(check("-1-"))
        #expect(check("-1e"))
        #expect(check("+A1"))
        #expect(!check("-1e5"))
        #expect(!check("-0.5"))
        #expect(!check(""))
        #expect(!check("abc"))
    }

    @Test func largeOutputPassesThroughTheBuffer() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let writer = try CSVWriter(path: dir.file("big.csv"), header: ["item", "n"])
        var expected = "item,n\n"
        for i in 0..<30_000 {
            try writer.text("item-\(i)")
            try writer.integer(i)
            try writer.endRow()
            expected += "item-\(i),\(i)\n"
        }
        // One field larger than the 256 KiB write buffer.
        let huge = String(repeating: "abcdefgh", count: 40_000)
        try writer.text(huge)
        try writer.integer(-1)
        try writer.endRow()
        expected += huge + ",-1\n"
        try writer.commit()
        #expect(writer.rowsWritten == 30_001)
        let text = try dir.read("big.csv")
        #expect(text.utf8.count == expected.utf8.count)
        #expect(text == expected)
    }

    @Test func nothingAppearsBeforeCommit() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let writer = try CSVWriter(path: dir.file("out.csv"), header: ["a"])
        try writer.text("x")
        try writer.endRow()
        #expect(!dir.exists("out.csv"))
        try writer.commit()
        #expect(try dir.read("out.csv") == "a\nx\n")
        #expect(try dir.listing() == ["out.csv"])
    }

    @Test func commitReplacesAnEarlierFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("out.csv", "old contents\n")
        let writer = try CSVWriter(path: dir.file("out.csv"), header: ["new"])
        #expect(try dir.read("out.csv") == "old contents\n")
        try writer.commit()
        #expect(try dir.read("out.csv") == "new\n")
        #expect(try dir.listing() == ["out.csv"])
    }

    @Test func abandonLeavesThePreviousFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("out.csv", "old contents\n")
        let writer = try CSVWriter(path: dir.file("out.csv"), header: ["a"])
        try writer.text("half a report")
        try writer.endRow()
        #expect(try dir.listing().count == 2)    // the target and the hidden temporary file
        writer.abandon()
        #expect(try dir.read("out.csv") == "old contents\n")
        #expect(try dir.listing() == ["out.csv"])
        // A commit after abandon does not bring the file back.
        try writer.commit()
        #expect(try dir.read("out.csv") == "old contents\n")
    }

    @Test func droppedWriterLeavesNoTrace() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        do {
            let writer = try CSVWriter(path: dir.file("out.csv"), header: ["a"])
            try writer.text("never committed")
            try writer.endRow()
        }
        #expect(try dir.listing() == [])
    }

    @Test func unwritableFolderIsAnInputErrorNamingThePath() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("no-such-folder/out.csv")
        let error = try #require(throws: InputError.self) { try CSVWriter(path: path, header: ["a"]) }
        #expect(error.file == path)
        #expect(error.description.contains(path))
    }
}
