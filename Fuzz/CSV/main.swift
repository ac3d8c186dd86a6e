// libFuzzer target: the CSV layer with typed parsing, as an import runs it.
//
// Each input is written to a file and read through TableImport with a date, a text and a
// number column (plus an optional number and a private column), with the reading options
// taken from the first two bytes: delimiter, decimal comma, date format, field and column
// limits, column map, rejects file. Buffers are tiny so a few hundred bytes already cross
// chunk boundaries and hand batches between the reading and the parsing thread. Accepted
// rows are written back with CSVWriter and read again. Any crash, sanitizer report, or
// broken invariant (counts that do not add up, a value outside what the import promises)
// is a finding. Built and run by `make fuzz` (see Fuzz/README.md).
@_spi(Fuzzing) import Tabular
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

let scratch = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
let base = "\(scratch)/qm-fuzz-csv-\(getpid())"
let inputPath = base + ".csv", rejectsPath = base + ".rejects.csv", outputPath = base + ".out.csv"

let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
let dateFormats: [DateFormat] = {
    var formats: [DateFormat] = [.automatic]
    for text in ["iso", "mdy", "dmy", "DD/MM/YYYY", "YYYYMMDD", "D.M.YY", "MM-YYYY", "YYYY-MM"] {
        if let format = try? DateFormat(parsing: text) { formats.append(format) }
    }
    return formats
}()

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        var text = "invariant broken: \(message())\n"
        _ = text.withUTF8 { write(2, $0.baseAddress, $0.count) }
        abort()
    }
}

func writeInput(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let fd = open(inputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { return false }
        offset += n
    }
    return true
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size >= 2 else { return 0 }
    let a = data[0], b = data[1]
    guard writeInput(UnsafeBufferPointer(start: data + 2, count: size - 2)) else { return 0 }
    // Chunks of 1 to 256 bytes and small buffers: every boundary case on a small input.
    CSVReader.useTinyBuffers(chunk: 1 + Int(b), bytes: 1 + Int(a & 0x07) * 8, fields: 1 + Int(b & 0x03))

    var options = ImportOptions()
    options.delimiter = delimiters[Int(a) % delimiters.count]
    options.decimalComma = a & 0x08 != 0
    options.dateFormat = a & 0x10 != 0 ? dateFormats[Int(b) % dateFormats.count] : .automatic
    options.onError = a & 0x80 != 0 ? .fail : .skip
    options.rejectThreshold = Double(b % 101) / 100
    options.limits = CSVLimits(maxFieldBytes: 4 + Int(b >> 2) * 8, maxColumns: 1 + Int(b >> 4) * 3)
    options.rejectsPath = a & 0x20 != 0 ? rejectsPath : nil
    if a & 0x40 != 0 { options.columns = ["date": "Day", "item": "Item #", "quantity": "Qty"] }
    unlink(rejectsPath)

    do {
        let importer = try TableImport(path: inputPath, columns: [
            ColumnSpec("date"), ColumnSpec("item"), ColumnSpec("quantity"),
            ColumnSpec("unit_cost", required: false), ColumnSpec("employee", required: false, isPrivate: true),
        ], options: options)
        guard let d = importer.column("date"), let i = importer.column("item"), let q = importer.column("quantity") else {
            check(false, "a required column was resolved to nothing without an error")
            return 0
        }
        let cost = importer.column("unit_cost")
        let writer = try CSVWriter(path: outputPath, header: ["date", "item", "quantity", "unit_cost"])
        var lastLine = 0
        let summary = try importer.run { row in
            check(row.line > lastLine, "line numbers go back: \(row.line) after \(lastLine)")
            lastLine = row.line
            let day = try row.date(d)
            let item = try row.string(i)
            let quantity = try row.number(q)
            let unitCost = try row.optionalNumber(cost)
            check(quantity.isFinite && quantity.magnitude <= ImportOptions.largestMagnitude, "accepted quantity \(quantity)")
            check(CalendarDay.supportedYears.contains(day.components.year), "accepted day \(day)")
            check(!item.isEmpty, "accepted an empty item")
            try writer.text(day.description)
            try writer.text(item)
            try writer.number(quantity)
            if let unitCost { try writer.number(unitCost) } else { try writer.empty() }
            try writer.endRow()
        }
        check(summary.accepted + summary.rejected == summary.read, "\(summary.accepted) + \(summary.rejected) != \(summary.read)")
        try writer.commit()

        // What the writer wrote reads back as the same number of rows of four fields.
        let generous = CSVLimits(maxFieldBytes: 1 << 24, maxColumns: 64)
        let back = try CSVReader(path: outputPath, delimiter: UInt8(ascii: ","), limits: generous)
        var rows = 0
        try back.forEachRecord { record in
            guard !record.isBlank else { return }
            rows += 1
            check(record.count == 4, "a written row reads back as \(record.count) fields")
        }
        check(rows == summary.accepted, "\(summary.accepted) rows written, \(rows) read back")

        // The rejects file lists every rejected and blank line, five fields each.
        if let path = summary.rejectsPath {
            let rejects = try CSVReader(path: path, delimiter: UInt8(ascii: ","), limits: generous)
            var listed = 0
            try rejects.forEachRecord { record in
                guard !record.isBlank else { return }
                listed += 1
                check(record.count == 5, "a rejects row has \(record.count) fields")
            }
            check(listed == summary.rejected + summary.blank, "\(summary.rejected) + \(summary.blank) rejected or blank, \(listed) listed")
        }
    } catch is InputError {
    } catch is UsageError {
    } catch {
        check(false, "unexpected error \(type(of: error)): \(error)")
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) }
unlink(inputPath); unlink(rejectsPath); unlink(outputPath)
exit(status)
