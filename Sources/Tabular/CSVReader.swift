import CCSV
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the records of a CSV file through libcsv, one buffer at a time.
///
/// Memory stays flat in the number of rows: the file is read in fixed chunks and each
/// chunk's records are handed out before the next chunk is read. Handles RFC 4180 quoting
/// (embedded delimiters, doubled quotes, newlines inside quotes), a UTF-8 byte-order mark,
/// CRLF / LF / CR line ends, and detects `,` `;` tab `|` when no delimiter is given.
/// Windows-1252, Latin-1 and UTF-16 input is transcoded to UTF-8 chunk by chunk before
/// libcsv sees it (see `TextEncoding`); UTF-8 input is parsed in place.
/// Line numbers are physical lines, so a rejects file points at the right line even after
/// a quoted field that spans several.
public final class CSVReader {
    /// The name used in messages: the path as the user gave it, or `<stdin>`.
    public let displayName: String
    public private(set) var delimiter: UInt8
    /// Header names as written in the file (a BOM removed, surrounding spaces kept off by libcsv).
    public private(set) var header: [String] = []
    /// The encoding the file is read as: the one asked for, or what `auto` decided.
    public private(set) var encoding: TextEncoding
    /// Set when `auto` read the file as something other than UTF-8, for the summary line.
    public var encodingNote: String? {
        if let transcoder, case .windows1252Lines = transcoder.source, transcoder.mixedLines.utf8Lines > 0, transcoder.mixedLines.windows1252Lines > 0 {
            return transcoder.mixedLines.note
        }
        return settledEncodingNote
    }
    private var settledEncodingNote: String?
    /// The delimiter named by Excel's first line `sep=;` (written so that Excel opens the file
    /// with it): that line is not the header, which is the next line, and its delimiter is the
    /// file's unless one was given.
    public private(set) var separatorLine: UInt8?
    /// The header's line in the file, for messages about it: 2 below Excel's `sep=` line.
    public var headerLine: Int { separatorLine == nil ? 1 : 2 }

    /// The file, standard input, or standard input's `SpoolFile` once `auto` has read it whole.
    private var fd: Int32
    private var ownsDescriptor: Bool
    private let limits: CSVLimits
    /// The buffer libcsv's callbacks currently fill; owned by the reading thread while records stream.
    private var context: ParseContext
    private let parser: UnsafeMutablePointer<csv_parser>
    private var chunk: UnsafeMutableRawBufferPointer
    private var atEnd = false
    private var finished = false
    private var firstChunk = true
    /// Non-nil when the file is not UTF-8: its chunks become UTF-8 in `transcoded` first.
    private var transcoder: Transcoder?
    private var transcoded: UnsafeMutableRawBufferPointer?

    /// Bytes read per chunk; also the unit of work handed between the two threads.
    nonisolated(unsafe) static var chunkSize = 1 << 18

    /// Shrinks the chunk and buffer sizes so small inputs cross chunk boundaries and grow
    /// buffers, the paths big files take. For the fuzz targets only; not thread-safe, call it
    /// before any reader exists.
    @_spi(Fuzzing) public static func useTinyBuffers(chunk: Int, bytes: Int, fields: Int) {
        chunkSize = max(1, chunk)
        ParseContext.initialByteCapacity = max(1, bytes)
        ParseContext.initialFieldCapacity = max(1, fields)
    }

    /// Opens `path` (`-` for standard input), reads the header and detects the delimiter.
    public init(path: String, delimiter: UInt8? = nil, limits: CSVLimits = CSVLimits(), encoding: TextEncoding = .auto) throws {
        displayName = path == "-" ? "<stdin>" : path
        self.limits = limits
        self.encoding = encoding
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                let reason = errno == ENOENT ? "file not found; check the path" : errno == EACCES ? "permission denied; check the file's permissions" : String(cString: strerror(errno))
                throw InputError(file: path, reason)
            }
            ownsDescriptor = true
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw InputError(file: path, "is a directory, not a CSV file; give the path of the export itself")
            }
        }
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: CSVReader.chunkSize, alignment: 16)
        parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
            chunk.deallocate(); parser.deallocate()
            if ownsDescriptor { close(fd) }
            throw InputError(file: displayName, "could not initialise the CSV parser (out of memory)")
        }
        context = ParseContext(parser: parser, limits: limits)
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        do {
            try readHeader(explicitDelimiter: delimiter)
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    private var released = false
    private func release() {
        guard !released else { return }
        released = true
        csv_free(parser)
        parser.deallocate()
        chunk.deallocate()
        transcoded?.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Up to `limit` of the first rows below the header, as far as the first block read holds
    /// them, without consuming them: a look at the data before the import decides how to read it.
    public func leadingRows(_ limit: Int) -> [[String]] {
        context.pendingRecords(limit: limit)
    }

    /// Calls `body` for every record after the header, blank lines included (as empty records),
    /// in file order. A second thread reads and tokenises ahead while `body` runs.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        try context.deliver(body)
        if finished { return }
        let spares = [ParseContext(parser: parser, limits: limits), ParseContext(parser: parser, limits: limits)]
        for spare in spares { spare.columns = header.count }
        let handoff = BatchHandoff(spare: spares)
        let done = DispatchSemaphore(value: 0)
        let producer = UncheckedBox(self)
        DispatchQueue.global().async {
            producer.value.produce(into: handoff)
            done.signal()
        }
        defer {
            // Stop the reader (it may be waiting for a buffer) before anything is released.
            handoff.cancel()
            done.wait()
        }
        while true {
            switch handoff.takeFilled() {
            case .batch(let batch):
                try batch.deliver(body)
                handoff.returnSpare(batch)
            case .failure(let error):
                throw error
            case .end:
                return
            }
        }
    }

    /// The reading thread: parse chunk after chunk, handing each filled buffer over and moving
    /// the record that straddles the chunk boundary into the next buffer.
    private func produce(into handoff: BatchHandoff) {
        do {
            while !finished {
                try parseNextChunk()
                guard let next = handoff.takeSpare() else { break }
                context.moveUnfinishedRecord(to: next)
                handoff.push(.batch(context))
                context = next
            }
            if finished { handoff.push(.batch(context)) }
            handoff.push(.end)
        } catch {
            handoff.push(.failure(error))
        }
    }

    // MARK: - Reading

    private func readHeader(explicitDelimiter: UInt8?) throws {
        var skipSeparatorLine = false
        // Read until the header record is complete (or the file ends).
        while context.recordCount == 0 && !finished {
            if firstChunk {
                let n = try fill()
                if n == 0 {
                    throw InputError(file: displayName, "file is empty; expected a header row naming the columns")
                }
                let raw = UnsafeRawBufferPointer(rebasing: chunk[0..<n])
                let text = try decodeFirstChunk(raw)
                if let nul = text.firstIndex(of: 0) {
                    let line = 1 + ParseContext.countLineBreaks(text.baseAddress!.assumingMemoryBound(to: UInt8.self), nul)
                    throw InputError(file: displayName, line: line, "file contains NUL bytes (the first on line \(line)): it is binary or UTF-16 without a byte-order mark; export it as UTF-8 CSV, or read it with --encoding utf-16")
                }
                separatorLine = CSVReader.excelSeparator(text)
                skipSeparatorLine = separatorLine != nil
                if let explicitDelimiter {
                    delimiter = explicitDelimiter
                } else if let separatorLine {
                    delimiter = separatorLine
                } else {
                    delimiter = DelimiterSniffer.detect(text)
                }
                csv_set_delim(parser, delimiter)
                firstChunk = false
                try parse(text)
            } else {
                try parseNextChunk()
            }
            // Excel's `sep=;` line (line 1) names the delimiter; the header is below it.
            if skipSeparatorLine && context.recordCount > 0 {
                _ = context.takeFirstRecord()
                skipSeparatorLine = false
            }
            // Blank lines before the header carry nothing.
            context.dropLeadingBlankRecords()
        }
        guard let headerRecord = context.takeFirstRecord() else {
            throw InputError(file: displayName, "file has no header row (only blank lines); the first line must name the columns")
        }
        header = headerRecord
        // Rows are judged for stray quotes against the header's width (`StrayQuote`).
        context.columns = header.count
        // A byte-order mark written again below Excel's `sep=` line (two exports pasted into
        // one) hid the first column's name: `'\u{FEFF}Date'` read as no `date`.
        if separatorLine != nil, let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
    }

    /// The delimiter X when the text's first line is exactly `sep=X` (one character, then a
    /// line end), the line Excel writes above the header of a CSV meant for another locale's
    /// delimiter; nil otherwise. Read as data, it became a header of `sep=` and an empty name.
    /// As Excel and the tools after it write it: in quotes (`"sep=;"`), with the delimiter
    /// repeated to fill the row (`sep=;;;`, a sheet saved again), or with spaces after it.
    static func excelSeparator(_ text: UnsafeRawBufferPointer) -> UInt8? {
        let quoted = text.first == UInt8(ascii: "\"")
        let s = quoted ? 1 : 0
        guard text.count >= s + 6, text[s] | 0x20 == UInt8(ascii: "s"), text[s + 1] | 0x20 == UInt8(ascii: "e"),
              text[s + 2] | 0x20 == UInt8(ascii: "p"), text[s + 3] == UInt8(ascii: "=") else { return nil }
        let x = text[s + 4]
        guard x < 0x80, x != 0x0A, x != 0x0D, x != UInt8(ascii: "\""), x != 0x20, x == 0x09 || x > 0x20 else { return nil }
        var j = s + 5
        if quoted {
            guard j < text.count, text[j] == UInt8(ascii: "\"") else { return nil }
            j += 1
        }
        while j < text.count, text[j] == x || text[j] == 0x20 { j += 1 }
        return j < text.count && (text[j] == 0x0A || text[j] == 0x0D) ? x : nil
    }

    /// Settles the encoding from the first chunk's byte-order marks and, for `auto`, from the
    /// whole file's bytes (`EncodingCensus`), and returns the chunk's text as UTF-8, byte-order mark removed.
    private func decodeFirstChunk(_ bytes: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer {
        let n = bytes.count
        let utf16Mark = n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        // Without a mark, the zero bytes of ASCII characters tell UTF-16 and its byte order.
        let unmarked = !utf16Mark && (encoding == .auto || encoding == .utf16) ? UTF16ByteOrder(zeroBytesOf: bytes) : nil
        var start = 0
        switch encoding {
        case .auto where utf16Mark || unmarked != nil, .utf16, .utf16le, .utf16be:
            // When the zero bytes do not tell, little-endian (what Windows writes), unless the
            // order is named (`utf-16be`).
            let bigEndian = utf16Mark ? bytes[0] == 0xFE : encoding == .utf16be || (encoding != .utf16le && unmarked == .bigEndian)
            transcoder = Transcoder(.utf16(bigEndian: bigEndian))
            if utf16Mark {
                start = 2
            } else if encoding == .auto || (encoding == .utf16 && bigEndian) {
                settledEncodingNote = "read as UTF-16\(bigEndian ? "BE" : "LE"): no byte-order mark, its zero bytes at \(bigEndian ? "even" : "odd") offsets"
            }
            if encoding == .auto { encoding = .utf16 }
        case .windows1252, .latin1:
            transcoder = Transcoder(.windows1252)
        case .auto, .utf8:
            if utf16Mark {
                throw InputError(file: displayName, line: 1, "file is UTF-16 encoded but is read as UTF-8; use --encoding utf-16 or auto (encoding: utf-16 in a pipeline), or export it as UTF-8 CSV")
            }
            if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            // A UTF-8 byte-order mark says UTF-8: a stray byte in such a file is that row's
            // fault, rejected, not a reason to read every name as Windows-1252.
            if encoding == .auto && start == 3 {
                encoding = .utf8
            } else if encoding == .auto {
                let census = try census(firstChunk: UnsafeRawBufferPointer(rebasing: bytes[start..<n]))
                if census.isUTF8 {
                    encoding = .utf8
                    // And the other way round: a UTF-8 file with lines saved in Windows-1252 (a
                    // line corrected by hand in another editor), each line read as what it is.
                    // Its line was rejected, and under the 1% limit dropped with exit 0 (12
                    // vials of heparin in a month of 504).
                    if census.invalid > 0 { transcoder = Transcoder(.windows1252Lines) }
                } else {
                    // Valid UTF-8 characters beside bytes UTF-8 cannot read: lines of both
                    // encodings, each read as what it is (`MixedLines`).
                    transcoder = Transcoder(census.multiByte > 0 ? .windows1252Lines : .windows1252)
                    encoding = .windows1252
                    settledEncodingNote = "read as Windows-1252: not valid UTF-8"
                        + (census.multiByte > 0 ? " (\(census.invalid) bytes are not UTF-8 against \(census.multiByte) UTF-8 characters)" : "")
                }
            }
        }
        return transcode(UnsafeRawBufferPointer(rebasing: bytes[start..<n]))
    }

    /// The encoding census of the whole input: the first chunk, then the rest. A file's rest
    /// is read with `pread`, which leaves the stream where parsing goes on; a pipe's (standard
    /// input) cannot be read twice, so it is copied into a `SpoolFile` as it is counted, and
    /// parsing goes on from there.
    private func census(firstChunk: UnsafeRawBufferPointer) throws -> EncodingCensus {
        var census = EncodingCensus()
        var info = stat()
        let type = fstat(fd, &info) == 0 ? info.st_mode & S_IFMT : 0
        let seekable = type == S_IFREG
        // A short read ends a file, not a pipe, which hands over what has been written so far.
        let wholeFileRead = seekable && firstChunk.count < chunk.count
        var carry = census.count(firstChunk, final: wholeFileRead)
        // Only a pipe is spooled: a device (a terminal, /dev/zero) may never end, and NUL bytes
        // stop the import at its first chunk anyway (spooling /dev/zero filled the disk).
        let spooled = (type == S_IFIFO || type == S_IFSOCK) && !firstChunk.contains(0)
        guard !wholeFileRead, seekable || spooled else { return census }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk.count + 4, alignment: 16)
        defer { scratch.deallocate() }
        if carry > 0 { scratch.copyMemory(from: UnsafeRawBufferPointer(rebasing: firstChunk[(firstChunk.count - carry)...])) }
        var offset = off_t(firstChunk.count)
        var spool: SpoolFile?
        while true {
            let got = seekable ? pread(fd, scratch.baseAddress! + carry, chunk.count, offset) : read(fd, scratch.baseAddress! + carry, chunk.count)
            if got < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                if let spool { close(spool.fd) }
                throw InputError(file: displayName, "could not be read: \(reason)")
            }
            if !seekable && got > 0 {
                // Made when there is more than the first chunk: a small input needs none.
                if spool == nil { spool = try SpoolFile() }
                try spool!.append(UnsafeRawBufferPointer(rebasing: scratch[carry..<(carry + got)]))
            }
            let bytes = UnsafeRawBufferPointer(rebasing: scratch[0..<(carry + got)])
            let left = census.count(bytes, final: got == 0)
            if got == 0 { break }
            offset += off_t(got)
            if left > 0 { scratch.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - left)...])) }
            carry = left
        }
        if let spool {
            try spool.rewind()
            if ownsDescriptor { close(fd) }
            fd = spool.fd
            ownsDescriptor = true
        }
        return census
    }

    /// The bytes as UTF-8: themselves when the file is UTF-8, else transcoded.
    private func transcode(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard transcoder != nil else { return bytes }
        let needed = Transcoder.capacity(for: bytes.count + transcoder!.carried)
        if transcoded == nil || transcoded!.count < needed {
            transcoded?.deallocate()
            transcoded = UnsafeMutableRawBufferPointer.allocate(byteCount: needed, alignment: 16)
        }
        let count = transcoder!.transcode(bytes, into: transcoded!)
        return UnsafeRawBufferPointer(rebasing: transcoded![0..<count])
    }

    private func fill() throws -> Int {
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno == EISDIR ? "is a directory, not a CSV file" : String(cString: strerror(errno))
                throw InputError(file: displayName, "could not be read: \(reason)")
            }
            return n
        }
    }

    private func parseNextChunk() throws {
        guard !finished else { return }
        let n = try fill()
        if n == 0 {
            if transcoder != nil {
                let needed = Transcoder.capacity(for: transcoder!.carried)
                if transcoded == nil || transcoded!.count < needed {
                    transcoded?.deallocate()
                    transcoded = UnsafeMutableRawBufferPointer.allocate(byteCount: needed, alignment: 16)
                }
                let out = transcoded!
                let rest = transcoder!.finish(into: out)
                if rest > 0 { try parse(UnsafeRawBufferPointer(rebasing: out[0..<rest])) }
            }
            try finish()
            return
        }
        try parse(transcode(UnsafeRawBufferPointer(rebasing: chunk[0..<n])))
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws {
        let unmanaged = Unmanaged.passUnretained(context).toOpaque()
        let consumed = csv_parse(parser, bytes.baseAddress, bytes.count, fieldCallback, recordCallback, unmanaged)
        if consumed != bytes.count {
            throw InputError(file: displayName, line: context.line, "could not be parsed: \(String(cString: csv_strerror(csv_error(parser))))")
        }
        if let fatal = context.fatal { throw fatal.error(file: displayName) }
        if parser.pointee.entry_pos > limits.maxFieldBytes {
            throw ParseContext.Fatal.fieldTooLong(line: context.line + context.embeddedNewlines, quoted: parser.pointee.quoted != 0, limit: limits.maxFieldBytes).error(file: displayName)
        }
    }

    private func finish() throws {
        // libcsv's FIELD_BEGUN state with `quoted` set means the file ended inside quotes.
        if parser.pointee.pstate == 2 && parser.pointee.quoted != 0 {
            let opened = context.line + context.embeddedNewlines
            throw InputError(file: displayName, line: opened,
                             "unterminated quote: a field opened with \" on line \(opened) never closes; close the quote or double any \" inside the field")
        }
        let unmanaged = Unmanaged.passUnretained(context).toOpaque()
        _ = csv_fini(parser, fieldCallback, recordCallback, unmanaged)
        if let fatal = context.fatal { throw fatal.error(file: displayName) }
        finished = true
    }
}

// MARK: - libcsv callbacks

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    // The reader keeps the context alive; borrowing it avoids a retain/release per field.
    Unmanaged<ParseContext>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.appendField(field, length) }
}

private func recordCallback(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
    guard let data else { return }
    Unmanaged<ParseContext>.fromOpaque(data)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}

/// Lets the reader hand itself to its reading thread; the handoff protocol guarantees the
/// two threads never touch the same buffer at once.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
