/// The lines of a file that holds both Windows-1252 and valid UTF-8 lines (its census counts
/// both, `EncodingCensus`): each line is read as what it is, and the lines read as UTF-8
/// are counted for the summary's note.
///
/// Read as Windows-1252 throughout, Jul-Nov saved from Excel with December from the pharmacy
/// system appended (93 UTF-8 characters against 460 Windows-1252 bytes) split every accented
/// item in two (`Paracétamol` and `ParacÃ©tamol`, December's 1,233 units on the twin), and
/// reorder ordered nothing for three drugs with a week of stock (200 / 60 / 140 was right).
/// A line holding a multi-byte UTF-8 character and nothing that breaks UTF-8 is UTF-8;
/// any other is Windows-1252 (an ASCII line reads the same either way).
///
/// The same goes for a file that is mostly UTF-8 with a line saved in Windows-1252 (corrected
/// by hand in another editor): its `H\xE9parine` line was rejected as not UTF-8, and under
/// the 1% limit dropped with exit 0 (November's heparin read 492 where 504 was right).
struct MixedLines {
    /// Lines seen so far (the file's physical lines, the header's included).
    private(set) var lines = 0
    /// Lines read as UTF-8, and the first of them.
    private(set) var utf8Lines = 0
    private(set) var firstUTF8Line = 0
    /// Lines with a byte UTF-8 cannot read, read as Windows-1252, and the first of them.
    private(set) var windows1252Lines = 0
    private(set) var firstWindows1252Line = 0

    /// Whether `line` (its break included) reads as UTF-8, counting it.
    mutating func readsAsUTF8(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        lines += 1
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        if UTF8Check.isValid(line) {
            utf8Lines += 1
            if firstUTF8Line == 0 { firstUTF8Line = lines }
            return true
        }
        windows1252Lines += 1
        if firstWindows1252Line == 0 { firstWindows1252Line = lines }
        return false
    }

    /// The summary's note, once the file is read.
    var note: String {
        "read as Windows-1252 and UTF-8, line by line: the file mixes two encodings (one export appended to another?), \(windows1252Lines) \(windows1252Lines == 1 ? "line" : "lines") with non-ASCII text in Windows-1252 (the first line \(firstWindows1252Line)) and \(utf8Lines) in UTF-8 (the first line \(firstUTF8Line)); each line was read in its own encoding, so names such as 'é' agree across them; re-export the file in one encoding (UTF-8) to be sure"
    }
}
